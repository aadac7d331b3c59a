import { describe, expect, it } from 'vitest';
import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import { orderProfile } from '../../__testUtils__/fixtures';
import { MAX_SUGGESTIONS, suggestQuestions } from './suggestQuestions';

/** The order profile with its PII, SLAs, lineage, owner and access removed. */
const bare: DataProductProfile = {
  ...orderProfile,
  owner: undefined,
  dependsOn: [],
  contracts: orderProfile.contracts.map(contract => ({
    ...contract,
    slas: [],
    roles: [],
    support: [],
    team: undefined,
    tables: contract.tables.map(table => ({
      ...table,
      columns: table.columns.map(column => ({
        ...column,
        pii: false,
        piiTypes: [],
      })),
    })),
  })),
};

describe('suggestQuestions', () => {
  it('draws every kind of question from a full profile', () => {
    expect(suggestQuestions(orderProfile)).toEqual([
      // the first described column that is not a key
      'What does net_amount mean?',
      'Which columns contain personal data?',
      'How fresh is the data?',
      'What is the grain of order_lines?',
      'Who owns this data product?',
      'How do I get access?',
      'Which products does it depend on?',
      'How many tables are there?',
    ]);
  });

  it('leaves out PII, freshness, lineage, owner and access questions when the facts are missing', () => {
    const questions = suggestQuestions(bare);
    expect(questions).toEqual([
      'What does net_amount mean?',
      'What is the grain of order_lines?',
      'How many tables are there?',
    ]);
  });

  it('asks about PII flagged only by a PII type', () => {
    const profile: DataProductProfile = {
      ...bare,
      contracts: [
        {
          ...bare.contracts[0],
          tables: [
            {
              ...bare.contracts[0].tables[0],
              columns: [
                {
                  ...bare.contracts[0].tables[0].columns[2],
                  piiTypes: ['email'],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(suggestQuestions(profile)).toContain(
      'Which columns contain personal data?',
    );
  });

  it('asks about SLAs in any contract and about lineage alone', () => {
    const profile: DataProductProfile = {
      ...bare,
      dependsOn: ['component:default/customers'],
      contracts: [
        ...bare.contracts,
        {
          ...bare.contracts[0],
          id: 'second',
          tables: [],
          slas: [orderProfile.contracts[0].slas[0]],
        },
      ],
    };
    const questions = suggestQuestions(profile);
    expect(questions).toContain('How fresh is the data?');
    expect(questions).toContain('Which products does it depend on?');
    expect(questions).not.toContain('Which columns contain personal data?');
  });

  it('falls back to a key column and to a table with a primary key', () => {
    const table = bare.contracts[0].tables[0];
    const profile: DataProductProfile = {
      ...bare,
      contracts: [
        {
          ...bare.contracts[0],
          tables: [
            {
              ...table,
              granularity: undefined,
              columns: table.columns.map(c =>
                c.primaryKey ? c : { ...c, description: undefined },
              ),
            },
          ],
        },
      ],
    };
    expect(suggestQuestions(profile)).toEqual([
      'What does order_id mean?',
      'What is the grain of order_lines?',
      'How many tables are there?',
    ]);
  });

  it('has nothing to suggest without a profile or without contracts', () => {
    expect(suggestQuestions(undefined)).toEqual([]);
    expect(
      suggestQuestions({ ...bare, contracts: [], owner: undefined }),
    ).toEqual([]);
    expect(
      suggestQuestions({
        ...bare,
        contracts: [],
        owner: 'group:default/sales',
      }),
    ).toEqual(['Who owns this data product?']);
  });

  it('never suggests more than the maximum', () => {
    expect(suggestQuestions(orderProfile).length).toBeLessThanOrEqual(
      MAX_SUGGESTIONS,
    );
  });
});
