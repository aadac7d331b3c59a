import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseContract } from './parseContract';

const repo = path.resolve(__dirname, '../../../..');
const productsDir = path.join(repo, 'examples/catalog/products');
const exampleContracts = readdirSync(productsDir).flatMap(domain =>
  readdirSync(path.join(productsDir, domain)).map(product =>
    path.join(productsDir, domain, product, 'contract.odcs.yaml'),
  ),
);
const salesOrders = readFileSync(
  path.join(productsDir, 'sales/sales-orders/contract.odcs.yaml'),
  'utf8',
);

/** The sales-orders contract with one change applied to its parsed form. */
function broken(change: (doc: any) => void): string {
  const doc = parse(salesOrders);
  change(doc);
  return stringify(doc);
}

describe('parseContract', () => {
  it('finds the demo contracts', () => {
    expect(exampleContracts.length).toBeGreaterThanOrEqual(15);
  });

  it.each(exampleContracts.map(f => [path.relative(repo, f), f]))(
    '%s passes validation and profiles every column',
    (_name, file) => {
      const result = parseContract(readFileSync(file, 'utf8'));
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
      const columns = result.contract.tables.flatMap(t => t.columns);
      expect(columns.length).toBeGreaterThanOrEqual(6);
      for (const column of columns) {
        expect(column.description, column.name).toBeTruthy();
        expect(column.logicalType, column.name).toBeTruthy();
        expect(column.classification, column.name).toBeTruthy();
      }
      expect(result.contract.tables.every(t => t.primaryKey.length > 0)).toBe(
        true,
      );
      expect(result.contract.slas.length).toBeGreaterThan(0);
      expect(result.contract.roles.length).toBeGreaterThan(0);
    },
  );

  it('normalises keys, classification, PII, quality, SLAs, roles and owners', () => {
    const result = parseContract(salesOrders);
    if (!result.ok) throw new Error('expected a valid contract');
    const { contract } = result;
    expect(contract.id).toBe('sales-orders');
    expect(contract.apiVersion).toBe('v3.1.0');
    const orders = contract.tables.find(t => t.name === 'orders')!;
    expect(orders.primaryKey).toEqual(['order_id']);
    expect(orders.granularity).toMatch(/one row per/i);
    const piiColumns = orders.columns.filter(c => c.pii);
    expect(piiColumns.length).toBeGreaterThan(0);
    for (const c of piiColumns) {
      expect(c.piiTypes.length, c.name).toBeGreaterThan(0);
      expect(['confidential', 'restricted']).toContain(c.classification);
    }
    const rules = contract.tables.flatMap(t => [
      ...t.quality,
      ...t.columns.flatMap(c => c.quality),
    ]);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every(r => r.rule.length > 0 && r.id.includes('#'))).toBe(
      true,
    );
    expect(contract.slas.map(s => s.property)).toEqual(
      expect.arrayContaining(['frequency', 'latency', 'retention']),
    );
    expect(contract.team?.name).toBe('sales-team');
    expect(contract.roles[0].approvers.length).toBeGreaterThan(0);
  });

  it('profiles the 68-table AdventureWorks contract', () => {
    const text = readFileSync(
      path.join(
        repo,
        '../shared/datasets/odcs/postgresql-adventureworks-contract.odcs.yaml',
      ),
      'utf8',
    );
    const result = parseContract(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
    expect(result.contract.tables).toHaveLength(68);
  });

  it('rejects a contract missing required fields and names them', () => {
    const result = parseContract(
      broken(doc => {
        delete doc.id;
        delete doc.status;
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map(i => `${i.path} ${i.message}`);
    expect(messages).toContain('/ is missing required field "id"');
    expect(messages).toContain('/ is missing required field "status"');
  });

  it('rejects wrong types and says where', () => {
    const result = parseContract(
      broken(doc => {
        doc.schema[0].properties[0].primaryKey = 'yes';
        doc.kind = 'Contract';
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        {
          path: '/schema/0/properties/0/primaryKey',
          message: 'must be of type boolean',
        },
        { path: '/kind', message: 'must be one of "DataContract"' },
      ]),
    );
  });

  it('rejects unknown fields on a column', () => {
    const result = parseContract(
      broken(doc => {
        doc.schema[0].properties[1].colour = 'blue';
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(i => i.message)).toContain(
      'has unknown field "colour"',
    );
  });

  it('rejects bad YAML with the line of the problem', () => {
    const result = parseContract('id: x\nschema:\n  - name: [orders\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].message).toMatch(
      /^invalid YAML at line \d+, column \d+/,
    );
  });

  it('rejects a document that is not a mapping', () => {
    const result = parseContract('- just\n- a list\n');
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: '/',
          message: 'the contract must be a YAML mapping (an ODCS document)',
        },
      ],
    });
  });

  it('rejects ODCS v2 contracts, which the profile does not read', () => {
    const result = parseContract(broken(doc => (doc.apiVersion = 'v2.2.2')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toEqual({
      path: '/apiVersion',
      message: 'ODCS v2.2.2 is not supported: use v3.0.x or v3.1.x',
    });
  });
});
