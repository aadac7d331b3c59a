import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseContract } from '@dpa/plugin-data-product-assistant-node';
import {
  buildInteropIndex,
  type InteropProduct,
  type InteropSuggestion,
} from '@dpa/plugin-data-product-assistant-node';
import { readTextFile } from '../lib/files';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';

const MAX_FILES = 20_000;

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = path.join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(name)) out.push(full);
      if (out.length > MAX_FILES)
        throw new UsageError(
          `--contracts ${dir} holds more than ${MAX_FILES} YAML files`,
        );
    }
  };
  walk(dir);
  return out;
}

/**
 * Every valid ODCS contract (`kind: DataContract`) under the directory; other
 * YAML is skipped. An invalid contract is skipped too, as the backend does,
 * and reported through `warn` with its file and first problem.
 */
export function loadContracts(
  dir: string,
  warn: (message: string) => void = () => {},
): InteropProduct[] {
  let info;
  try {
    info = statSync(dir);
  } catch {
    throw new UsageError(`--contracts ${dir} does not exist`);
  }
  if (!info.isDirectory())
    throw new UsageError(`--contracts ${dir} is not a directory`);
  const byId = new Map<string, InteropProduct>();
  for (const file of yamlFiles(dir)) {
    const text = readTextFile(file, 'contract');
    if (!/^kind:\s*["']?DataContract["']?\s*(#.*)?$/m.test(text)) continue;
    const rel = path.relative(process.cwd(), file) || file;
    const result = parseContract(text);
    if (!result.ok) {
      const first = result.issues[0];
      warn(
        `skipping invalid contract ${rel}: ${
          first ? `${first.path} ${first.message}` : 'unknown problem'
        }`,
      );
      continue;
    }
    const contract = result.contract;
    const id = contract.dataProduct ?? contract.id;
    const existing = byId.get(id);
    // several contracts (output ports) of one product count as one product
    if (existing)
      existing.contract = {
        ...existing.contract,
        tables: [...existing.contract.tables, ...contract.tables],
      };
    else byId.set(id, { id, domain: contract.domain, contract });
  }
  if (byId.size === 0)
    throw new UsageError(
      `no valid ODCS contracts (kind: DataContract) under ${dir}`,
    );
  return [...byId.values()];
}

const col = (r: { product: string; table: string; column: string }) =>
  `${r.product}.${r.table}.${r.column}`;

function table(suggestions: InteropSuggestion[]): string {
  if (!suggestions.length) return 'No relationships found.';
  const rows = suggestions.map(s => [
    s.confidence.toFixed(2),
    s.kind,
    col(s.from),
    col(s.to),
    s.validation.status,
    s.evidence.slice(0, 2).join('; '),
  ]);
  const head = ['conf', 'kind', 'from', 'to', 'check', 'evidence'];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (i < 5 ? r[i].length : 0))),
  );
  const line = (r: string[]) =>
    r.map((c, i) => (i < 5 ? c.padEnd(widths[i]) : c)).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function registerInterop(program: Command) {
  program
    .command('interop')
    .description(
      'Suggest which data products fit together (join keys and shared concepts)',
    )
    .requiredOption(
      '--contracts <dir>',
      'directory searched recursively for ODCS contracts',
    )
    .option(
      '--product <id>',
      'only relationships of this data product (contract dataProduct or id)',
    )
    .option('--top <k>', 'at most k suggestions (k ≥ 1), best first')
    .option('--json', 'print one JSON document')
    .action(
      (opts: {
        contracts: string;
        product?: string;
        top?: string;
        json?: boolean;
      }) => {
        let top: number | undefined;
        if (opts.top !== undefined) {
          if (!/^\d+$/.test(opts.top) || Number(opts.top) < 1)
            throw new UsageError(
              `--top must be a whole number of at least 1, got ${opts.top}`,
            );
          top = Number(opts.top);
        }
        const products = loadContracts(opts.contracts, message =>
          process.stderr.write(`dpa: warning: ${message}\n`),
        );
        const index = buildInteropIndex(products);
        if (opts.product !== undefined && !index.has(opts.product)) {
          throw new UsageError(
            `unknown data product ${opts.product}: not among the ${products.length} contracts under ${opts.contracts}`,
          );
        }
        const result =
          opts.product !== undefined
            ? index.suggestFor(opts.product, { top })
            : index.fullScan({ top });
        if (opts.json) {
          printJson(result);
          return;
        }
        printText(table(result.suggestions));
        printText(
          `${result.suggestions.length} suggestion(s); ${result.stats.candidatePairs} of ${result.stats.allPairs} column pairs compared.`,
        );
      },
    );
}
