import { describe, expect, it } from 'vitest';
import { buildFacts } from '../context/buildFacts';
import { demoProfile } from '../__testUtils__/fixtures';
import { Evidence } from './text';
import { tokenise } from '../text';

describe('Evidence.ofLines', () => {
  it('reads lines as the text they make joined by line breaks', () => {
    const lines = [
      ...buildFacts(demoProfile('sales/sales-orders')).map(f => f.text),
      '',
      'Kept for 30',
      'days. Then: Archived by (Ops) team',
      '  Indented line after a count 24',
      'hours, orders.net_amount and order_id',
    ];
    const joined = lines.join('\n');
    // twice: the second time from the per-line token cache
    for (let i = 0; i < 2; i++) {
      const ev = Evidence.ofLines(lines);
      expect(ev.text).toBe(joined);
      expect(ev.tokens).toEqual(tokenise(joined));
      const whole = new Evidence(joined);
      expect([...ev.words]).toEqual([...whole.words]);
      expect([...ev.counts]).toEqual([...whole.counts]);
      expect([...ev.identifiers]).toEqual([...whole.identifiers]);
    }
  });

  it('counts a number ending one line with the word opening the next', () => {
    expect(Evidence.ofLines(['kept 24', 'hours']).counts.has('24 hour')).toBe(
      true,
    );
  });
});
