import { describe, expect, it } from 'vitest';
import type { AskRecord } from '@dpa/plugin-data-product-assistant-common';
import { orderProfile } from '../../__testUtils__/fixtures';
import { accessHints, withheldForAccess } from './accessHint';

const reason = (
  code: string,
  message: string,
): AskRecord['reasons'][number] => ({ code, message, severity: 'block' });

describe('accessHints', () => {
  it('names the read role whose description covers the withheld column, with its approvers', () => {
    const hints = accessHints(
      [
        reason(
          'restricted-value',
          "The answer contains a value of order_lines.customer_email, classified restricted, above the reader's clearance (internal).",
        ),
      ],
      orderProfile,
    );
    expect(hints).toEqual([
      {
        role: expect.objectContaining({
          role: 'orders_pii_reader',
          approvers: ['alice', 'Data Protection Office'],
        }),
        columns: ['order_lines.customer_email'],
      },
    ]);
  });

  it('offers every read role when none names the column, and nothing for other reasons', () => {
    const hints = accessHints(
      [
        reason(
          'pii',
          "The answer contains a phone number that the metadata does not publish, which the reader's clearance (internal) does not cover.",
        ),
      ],
      orderProfile,
    );
    expect(hints.map(h => h.role.role)).toEqual([
      'orders_reader',
      'orders_pii_reader',
    ]);
    expect(hints.every(h => h.columns.length === 0)).toBe(true);

    const secret = [reason('secret', 'The answer contains a credential.')];
    expect(withheldForAccess(secret)).toBe(false);
    expect(accessHints(secret, orderProfile)).toEqual([]);
    expect(
      accessHints([reason('pii', 'order_lines.customer_email')], undefined),
    ).toEqual([]);
  });
});
