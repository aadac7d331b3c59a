import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDpa } from '../__testUtils__/runDpa';

describe('dpa pii', () => {
  it('prints the spans it finds', async () => {
    const text =
      'Mail jane.doe@example.com, card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32.';
    const { code, stdout } = await runDpa(['pii', '--text', text, '--json']);
    expect(code).toBe(0);
    const { spans } = JSON.parse(stdout);
    expect(spans.map((s: any) => [s.type, text.slice(s.start, s.end)])).toEqual(
      [
        ['email', 'jane.doe@example.com'],
        ['payment-card', '4111 1111 1111 1111'],
        ['iban', 'GB82 WEST 1234 5698 7654 32'],
      ],
    );
    for (const s of spans) expect(s.score).toBeGreaterThan(0);
  }, 60_000);

  it('reads files and batches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-pii-'));
    writeFileSync(path.join(dir, 'note.txt'), 'Server at 192.168.10.20');
    writeFileSync(
      path.join(dir, 'batch.jsonl'),
      `${JSON.stringify({ file: 'note.txt' })}\n${JSON.stringify({
        text: 'nothing here',
      })}\n{}\n`,
    );
    const single = await runDpa([
      'pii',
      '--file',
      path.join(dir, 'note.txt'),
      '--json',
    ]);
    expect(JSON.parse(single.stdout).spans[0].type).toBe('ip-address');
    const batch = await runDpa([
      'pii',
      '--batch',
      path.join(dir, 'batch.jsonl'),
    ]);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines[0].spans[0].type).toBe('ip-address');
    expect(lines[1]).toEqual({ spans: [] });
    expect(lines[2]).toEqual({ error: 'line 3: "text" or "file" is required' });
  }, 60_000);

  it('exits 2 when given both --text and --file', async () => {
    const { code, stderr } = await runDpa([
      'pii',
      '--text',
      'a',
      '--file',
      'b',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'dpa: give exactly one of --text or --file (or --batch)\n',
    );
  });
});
