import { describe, expect, it } from 'vitest';
import { codeList, codesIn } from './codeList';

describe('codeList', () => {
  it('reads `code = meaning` lists, each meaning running to the next code', () => {
    expect(
      codeList(
        'Job classification. 0 = Hourly, not exempt from collective bargaining. 1 = Salaried, exempt from collective bargaining.',
      ),
    ).toEqual([
      { code: '0', meaning: 'Hourly, not exempt from collective bargaining' },
      { code: '1', meaning: 'Salaried, exempt from collective bargaining' },
    ]);
    expect(
      codeList('Order current status. 1 = Pending; 2 = Approved; 3 = Rejected'),
    ).toEqual([
      { code: '1', meaning: 'Pending' },
      { code: '2', meaning: 'Approved' },
      { code: '3', meaning: 'Rejected' },
    ]);
    expect(
      codeList(
        'Usage: BILL = billing address, SHIP = shipping address. Only documented codes are allowed.',
      ),
    ).toEqual([
      { code: 'BILL', meaning: 'billing address' },
      { code: 'SHIP', meaning: 'shipping address' },
    ]);
  });

  it('ends the last meaning with its sentence, not at an abbreviation', () => {
    expect(
      codeList(
        'Kind: PHY = physical good, SVC = service (e.g. gift wrapping). More text.',
      ).at(-1),
    ).toEqual({ code: 'SVC', meaning: 'service (e.g. gift wrapping)' });
  });

  it('reads markdown tables of codes, without their header row', () => {
    const list = codeList(
      'Statuses: | status | description | |---|---| | placed | Not yet shipped | | returned | Back at the warehouse |',
    );
    expect(list).toEqual([
      { code: 'placed', meaning: 'Not yet shipped' },
      { code: 'returned', meaning: 'Back at the warehouse' },
    ]);
  });

  it('finds no codes in ordinary prose or a lone assignment that is not a code', () => {
    expect(
      codeList('Total due from customer. Computed as Subtotal + TaxAmt.'),
    ).toEqual([]);
    expect(codeList('Tax = amount times rate')).toEqual([]);
    expect(codeList('NULL = Current department.')).toEqual([
      { code: 'NULL', meaning: 'Current department' },
    ]);
  });

  it('finds the codes a question names: letters as written, word codes in any case', () => {
    const list = codeList('M = Married, S = Single');
    expect(codesIn('What does marital status S mean?', list)).toEqual([
      { code: 'S', meaning: 'Single' },
    ]);
    // "a" is an article, not code A
    expect(
      codesIn('What does a status mean?', codeList('A = active, C = closed')),
    ).toEqual([]);
    expect(
      codesIn('what does return_pending mean', [
        { code: 'return_pending', meaning: 'x' },
      ]),
    ).toHaveLength(1);
  });
});
