import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');
const bin = path.join(root, 'packages/cli/bin/dpa');
const catalog = path.join(root, 'examples/catalog');

async function dpa(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      [bin, ...args],
      { cwd: root, timeout: 30_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('dpa interop', () => {
  it('prints suggestions for one product as one JSON document', async () => {
    const { code, stdout, stderr } = await dpa([
      'interop',
      '--contracts',
      catalog,
      '--product',
      'sales-orders',
      '--top',
      '3',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.suggestions).toHaveLength(3);
    for (const s of out.suggestions) {
      expect(Object.keys(s)).toEqual([
        'from',
        'to',
        'kind',
        'confidence',
        'evidence',
        'explanation',
        'validation',
      ]);
      expect(Object.keys(s.from)).toEqual(['product', 'table', 'column']);
      expect(s.from.product).toBe('sales-orders');
      expect(['join-key', 'same-concept']).toContain(s.kind);
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(Object.keys(s.explanation)).toEqual([
        'summary',
        'enables',
        'sql',
        'caveats',
      ]);
    }
    expect(out.stats.candidatePairs).toBeLessThan(out.stats.allPairs);
  }, 30_000);

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await dpa([
      'interop',
      '--contracts',
      catalog,
      '--product',
      'payments',
      '--top',
      '2',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^conf\s+kind\s+from\s+to/);
    expect(stdout).toMatch(
      /payments\.payments\.invoice_no\s+invoices\.invoices\.invoice_id/,
    );
  }, 30_000);

  it('exits 2 with one line for an unknown product', async () => {
    const { code, stdout, stderr } = await dpa([
      'interop',
      '--contracts',
      catalog,
      '--product',
      'nope',
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unknown data product nope/);
  }, 30_000);

  it('exits 2 naming the file and the first issue of an invalid contract; skips other YAML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-interop-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(
      path.join(dir, 'a', 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: x}\n',
    );
    const good = readFileSync(
      path.join(catalog, 'products/sales/sales-orders/contract.odcs.yaml'),
      'utf8',
    );
    writeFileSync(path.join(dir, 'a', 'contract.odcs.yaml'), good);
    const ok = await dpa(['interop', '--contracts', dir, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).suggestions).toEqual([]);

    writeFileSync(
      path.join(dir, 'bad.odcs.yaml'),
      'apiVersion: v3.1.0\nkind: DataContract\nid: broken\n',
    );
    const bad = await dpa(['interop', '--contracts', dir, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/invalid contract .*bad\.odcs\.yaml: /);
  }, 30_000);

  it('exits 2 on a missing directory or a bad --top', async () => {
    const missing = await dpa(['interop', '--contracts', '/nonexistent/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    const top = await dpa(['interop', '--contracts', catalog, '--top', 'many']);
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/--top must be a whole number/);
  }, 30_000);
});
