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

  it('skips an invalid contract with a warning naming the file and its first issue, like the backend; skips other YAML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-interop-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(
      path.join(dir, 'a', 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: x}\n',
    );
    const contract = (name: string) =>
      readFileSync(
        path.join(catalog, `products/sales/${name}/contract.odcs.yaml`),
        'utf8',
      );
    writeFileSync(
      path.join(dir, 'a', 'contract.odcs.yaml'),
      contract('sales-orders'),
    );
    const ok = await dpa(['interop', '--contracts', dir, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).suggestions).toEqual([]);

    writeFileSync(
      path.join(dir, 'lines.odcs.yaml'),
      contract('sales-order-lines'),
    );
    const both = JSON.parse(
      (await dpa(['interop', '--contracts', dir, '--json'])).stdout,
    );
    expect(both.suggestions.length).toBeGreaterThan(0);

    writeFileSync(
      path.join(dir, 'bad.odcs.yaml'),
      'apiVersion: v3.1.0\nkind: DataContract\nid: broken\n',
    );
    const bad = await dpa(['interop', '--contracts', dir, '--json']);
    expect(bad.code).toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(
      /^dpa: warning: skipping invalid contract .*bad\.odcs\.yaml: /,
    );
    // the valid contracts are still compared
    expect(JSON.parse(bad.stdout).suggestions).toEqual(both.suggestions);

    // nothing valid left: bad input
    const onlyBad = mkdtempSync(path.join(tmpdir(), 'dpa-interop-'));
    writeFileSync(
      path.join(onlyBad, 'bad.odcs.yaml'),
      'apiVersion: v3.1.0\nkind: DataContract\nid: broken\n',
    );
    const none = await dpa(['interop', '--contracts', onlyBad, '--json']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/no valid ODCS contracts/);
  }, 60_000);

  it('exits 2 on a missing directory or a bad --top', async () => {
    const missing = await dpa(['interop', '--contracts', '/nonexistent/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    for (const value of ['many', '0', '-1', '1.5']) {
      const top = await dpa([
        'interop',
        '--contracts',
        catalog,
        '--top',
        value,
        '--json',
      ]);
      expect(top.code, value).toBe(2);
      expect(top.stdout, value).toBe('');
      expect(top.stderr.trim().split('\n'), value).toHaveLength(1);
      expect(top.stderr, value).toMatch(
        /--top must be a whole number of at least 1/,
      );
    }
  }, 60_000);
});
