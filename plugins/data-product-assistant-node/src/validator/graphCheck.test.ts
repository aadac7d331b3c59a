import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parseContract';
import { buildFacts } from '../context/buildFacts';
import { profileFromContract } from '../profile/buildProfile';
import type { Fact } from '../models/types';
import { validateWithRules } from './builtinValidator';
import { contractGraph, parseCodeList } from './contractGraph';

// A small library contract written for these tests: two keyed tables, a code list,
// a foreign key in a description, typed columns, SLAs, an owner, roles and a team.
const CONTRACT = `
apiVersion: v3.1.0
kind: DataContract
id: library-loans
name: Library loans
version: 1.0.0
status: active
team:
  name: lending-team
  members:
    - { username: inga, name: Inga Lorenz, role: owner }
    - { username: petr, name: Petr Novak, role: steward }
roles:
  - { role: loan_reader, access: read, firstLevelApprovers: lending-team lead }
  - { role: loan_admin, access: write, firstLevelApprovers: platform-team }
slaProperties:
  - { property: frequency, value: 1, unit: h }
  - { property: retention, value: 7, unit: y }
  - { property: latency, value: 30, unit: m }
schema:
  - name: members
    properties:
      - { name: member_no, logicalType: integer, physicalType: int8, primaryKey: true, description: Library card number. }
      - { name: tier, logicalType: string, physicalType: char(1), description: 'Membership tier: S = student, A = adult, R = retired.' }
      - { name: joined_on, logicalType: date, physicalType: date, description: Day the member joined. }
  - name: loans
    properties:
      - { name: loan_id, logicalType: string, physicalType: uuid, primaryKey: true, description: Identifier of the loan. }
      - { name: member_no, logicalType: integer, physicalType: int8, description: 'Borrowing member; refers to members.member_no.' }
      - { name: state, logicalType: integer, physicalType: int2, description: 'Loan state: 0 = open, 1 = returned, 2 = overdue, 3 = lost.' }
      - { name: fee, logicalType: number, physicalType: 'numeric(8,2)', description: 'Late fee charged, in EUR.' }
`;

function contractFacts(): Fact[] {
  const parsed = parseContract(CONTRACT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return buildFacts(profileFromContract(parsed.contract, 'library.yaml'));
}

const facts = contractFacts();
const verdict = (text: string, citations: string[]) =>
  validateWithRules({
    question: 'A question about the library loans',
    facts,
    answer: { answer: text, claims: [{ text, citations }], abstained: false },
    clearance: 'internal',
  });
const approved = (text: string, citations: string[]) =>
  expect(verdict(text, citations).status, text).toBe('approved');
const contradicted = (text: string, citations: string[]) => {
  const v = verdict(text, citations);
  expect(v.status, text).not.toBe('approved');
  expect(
    v.reasons.some(r => /contradicts the contract/.test(r.message)),
    `${text}: ${v.reasons.map(r => r.message).join(' | ')}`,
  ).toBe(true);
};

describe('contract graph', () => {
  it('reads keys, types, code lists, foreign keys, SLAs and people from the facts', () => {
    const g = contractGraph(facts);
    expect(g.tables.get('loans')?.primaryKey).toEqual(['loan_id']);
    const state = g.columns.get('loans.state')!;
    expect([...state.codes]).toEqual([
      ['0', 'open'],
      ['1', 'returned'],
      ['2', 'overdue'],
      ['3', 'lost'],
    ]);
    expect(g.columns.get('loans.member_no')?.foreignKey).toEqual({
      table: 'members',
      column: 'member_no',
    });
    expect(g.columns.get('loans.fee')).toMatchObject({
      logicalType: 'number',
      physicalType: 'numeric(8,2)',
    });
    expect(g.slas.find(s => s.property === 'retention')?.seconds).toBe(
      7 * 31536000,
    );
    expect(g.approvers.get('loan_admin')).toEqual(['platform-team']);
    expect([...g.people]).toEqual(
      expect.arrayContaining(['inga lorenz', 'petr novak', 'lending-team']),
    );
    expect(contractGraph(facts)).toBe(g); // built once per facts array
  });

  it('parses code lists written as K = meaning and as markdown tables', () => {
    expect([
      ...parseCodeList('Kind: PHY = physical good, DIG = digital download.'),
    ]).toEqual([
      ['PHY', 'physical good'],
      ['DIG', 'digital download'],
    ]);
    expect([
      ...parseCodeList(
        '| status | description |\n|---|---|\n| open | Not yet paid |\n| paid | Settled in full |',
      ),
    ]).toEqual([
      ['open', 'Not yet paid'],
      ['paid', 'Settled in full'],
    ]);
    expect(
      parseCodeList('Date the member left. NULL = still a member.').size,
    ).toBe(0);
  });
});

describe('claims checked against the contract graph', () => {
  it('primary keys, however phrased', () => {
    approved('The primary key of loans is loan_id.', ['key:loans']);
    approved('loans is keyed by loan_id.', ['key:loans']);
    approved(
      'Each loan is uniquely identified by loan_id in the loans table.',
      ['key:loans'],
    );
    // a key of another table, cited beside the right fact
    contradicted('The primary key of loans is member_no.', [
      'key:loans',
      'key:members',
    ]);
    contradicted('loans rows are identified by state.', [
      'key:loans',
      'col:loans.state',
    ]);
  });

  it('foreign-key targets', () => {
    approved('loans.member_no refers to members.member_no.', [
      'col:loans.member_no',
    ]);
    approved('In loans, member_no is a foreign key to the members table.', [
      'col:loans.member_no',
    ]);
    contradicted('loans.member_no references loans.loan_id.', [
      'col:loans.member_no',
      'key:loans',
    ]);
  });

  it('code meanings, from the same list or another column', () => {
    approved('A loan state of 2 means overdue.', ['col:loans.state']);
    approved('State 3 = lost.', ['col:loans.state']);
    contradicted('Loan state 1 means lost.', ['col:loans.state']);
    contradicted('In loans.state, code 0 stands for retired.', [
      'col:loans.state',
      'col:members.tier',
    ]);
  });

  it('types', () => {
    approved('loans.fee is stored as numeric(8,2).', ['col:loans.fee']);
    approved('The data type of joined_on in members is date.', [
      'col:members.joined_on',
    ]);
    contradicted('loans.fee is of type uuid.', [
      'col:loans.fee',
      'col:loans.loan_id',
    ]);
  });

  it('SLA values, owner and approvers', () => {
    approved('The update frequency is 1 hour.', ['sla:frequency']);
    approved('Data is kept for 7 years (the retention period).', [
      'sla:retention',
    ]);
    contradicted('The update frequency is 30 minutes.', [
      'sla:frequency',
      'sla:latency',
    ]);
    approved('Access requests for loan_admin are approved by platform-team.', [
      'role:loan_admin',
    ]);
    contradicted('Access requests for loan_admin are approved by Petr Novak.', [
      'role:loan_admin',
      'team',
    ]);
  });

  it('leaves negated statements to the other checks', () => {
    const v = verdict('member_no is not the primary key of loans.', [
      'key:loans',
    ]);
    expect(
      v.reasons.some(r => /contradicts the contract/.test(r.message)),
    ).toBe(false);
  });
});
