// Test-only: a small ODCS contract written for the engine's tests (a lending library), so tests of
// general mechanisms use a vocabulary that no evaluation set or demo product uses.
import { contextFacts } from '../context/contextFacts';
import type { Fact } from '../models/types';

export const LIBRARY_CONTRACT = `
apiVersion: v3.1.0
kind: DataContract
id: library-loans
name: Library loans
version: 1.0.0
status: active
domain: libraries
description:
  purpose: Loans of books to the members of the city library, for stock planning.
schema:
  - name: members
    physicalType: table
    description: People who hold a library card.
    properties:
      - name: member_id
        logicalType: integer
        physicalType: bigint
        primaryKey: true
        description: Card number of the member.
      - name: phone
        logicalType: string
        physicalType: varchar(30)
        description: Phone number the member gave when joining.
        classification: confidential
      - name: tier
        logicalType: string
        physicalType: char(1)
        description: 'Membership level: S = standard, G = gold, Y = youth.'
  - name: loans
    physicalType: table
    description: Books lent to members, one row per book and loan.
    properties:
      - name: loan_id
        logicalType: integer
        physicalType: bigint
        primaryKey: true
        description: Identifier of the loan.
      - name: member_id
        logicalType: integer
        physicalType: bigint
        description: Member who borrowed the book. Foreign key to members.member_id.
      - name: renewal_qty
        logicalType: integer
        physicalType: smallint
        description: How often the loan was extended.
      - name: due_date
        logicalType: date
        physicalType: date
        description: Day by which the book must be back.
slaProperties:
  - property: frequency
    value: 1
    unit: d
  - property: timeOfAvailability
    value: 07:00+01:00
`;

export function libraryFacts(): Fact[] {
  const r = contextFacts(LIBRARY_CONTRACT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.facts;
}
