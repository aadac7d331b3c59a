import {
  accessReasonCodes,
  type AskRecord,
  type ContractRole,
  type DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';

/** A contract role that would let the asker see what was withheld, and who approves it. */
export interface AccessHint {
  role: ContractRole;
  /** The withheld columns the role's description names (empty when none is named). */
  columns: string[];
}

const ACCESS_REASONS = new Set<string>(accessReasonCodes);

/** Whether the verdict withheld values above the asker's clearance (rather than, say, a secret). */
export function withheldForAccess(reasons: AskRecord['reasons']): boolean {
  return reasons.some(r => ACCESS_REASONS.has(r.code));
}

const mentions = (text: string, word: string) =>
  new RegExp(
    `(^|[^A-Za-z0-9_])${word.replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    )}($|[^A-Za-z0-9_])`,
    'i',
  ).test(text);

/**
 * The contract roles (ODCS `roles`) that would let the asker see the values
 * the validator withheld. The withheld columns are those the reasons name
 * (`orders.customer_email`); a read role whose name or description names one
 * of them is the way in. Without such a role, every read role of the
 * contract is offered, so the asker still learns whom to ask.
 */
export function accessHints(
  reasons: AskRecord['reasons'],
  profile: DataProductProfile | undefined,
): AccessHint[] {
  if (!profile || !withheldForAccess(reasons)) return [];
  const text = reasons
    .filter(r => ACCESS_REASONS.has(r.code))
    .map(r => r.message)
    .join(' ');
  const hints: AccessHint[] = [];
  for (const contract of profile.contracts) {
    const named = contract.tables.flatMap(t =>
      t.columns
        .filter(
          c => mentions(text, `${t.name}.${c.name}`) || mentions(text, c.name),
        )
        .map(c => ({ table: t.name, column: c.name })),
    );
    const readRoles = contract.roles.filter(
      r => !r.access || /read/i.test(r.access),
    );
    for (const role of readRoles) {
      const about = `${role.role} ${role.description ?? ''}`;
      const columns = named
        .filter(
          c =>
            mentions(about, `${c.table}.${c.column}`) ||
            mentions(about, c.column),
        )
        .map(c => `${c.table}.${c.column}`);
      if (columns.length > 0) hints.push({ role, columns });
    }
    if (hints.length === 0) {
      hints.push(...readRoles.map(role => ({ role, columns: [] })));
    }
  }
  return hints;
}
