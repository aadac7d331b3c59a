import { describe, expect, it } from 'vitest';
import { contextFacts } from '../../context/contextFacts';
import { findMentions } from '../../context/mentions';
import { selectContext } from '../../context/selectContext';
import { answerExtractively } from './answerModel';

// Test-only: a bike-sharing contract in words no evaluation set uses, for "which column…" questions.
const BIKES = `
apiVersion: v3.1.0
kind: DataContract
id: bike-share
name: Bike share
version: 1.0.0
status: active
schema:
  - name: store
    physicalType: table
    description: Shops that sell season passes.
    properties:
      - name: storeid
        logicalType: integer
        primaryKey: true
        description: Primary key for Store records.
      - name: city
        logicalType: string
        description: City the shop is in.
  - name: bikerentalheader
    physicalType: table
    description: One row per rental of a bike.
    properties:
      - name: rentalid
        logicalType: integer
        primaryKey: true
        description: Primary key.
      - name: latefeeamt
        logicalType: number
        description: Fee charged when the bike comes back late.
      - name: docksused
        logicalType: integer
        description: Number of docks the rider used during the rental.
  - name: feeschedule
    physicalType: table
    description: Fees per kind of pass.
    properties:
      - name: feescheduleid
        logicalType: integer
        primaryKey: true
        description: Primary key for FeeSchedule records.
  - name: rider
    physicalType: table
    description: People who rent bikes.
    properties:
      - name: riderid
        logicalType: integer
        primaryKey: true
        description: Rider identification number.
      - name: lastname
        logicalType: string
        description: Last name of the rider.
      - name: postalcode
        logicalType: string
        description: Postal code of the rider's home.
      - name: mobile
        logicalType: string
        description: Phone number the rider signed up with.
`;

function facts() {
  const r = contextFacts(BIKES);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.facts;
}

function ask(question: string) {
  const all = facts();
  const context = selectContext(question, all, { tokenBudget: 2000 });
  const out = answerExtractively({ question, facts: context.facts });
  return { out, cited: out.claims.flatMap(c => c.citations) };
}

describe('which-column questions', () => {
  it('finds a column by a WordNet compound the question says in other words', () => {
    expect(ask('Which column holds the zip code?').cited).toContain(
      'col:rider.postalcode',
    );
    expect(ask("Which column has a rider's surname?").cited).toContain(
      'col:rider.lastname',
    );
  });

  it('does not take a compound as said by one of its own words', () => {
    // WordNet lists `number` as a synonym of phone number; an id "number" does not say it
    const { cited } = ask('Which column has the phone number of a rider?');
    expect(cited).toContain('col:rider.mobile');
    expect(cited).not.toContain('col:rider.riderid');
  });

  it('answers "which column says how many…" as a metadata question, not a count of data', () => {
    const { out, cited } = ask(
      'Which column says how many docks were used in a rental?',
    );
    expect(out.abstained).toBe(false);
    expect(cited).toContain('col:bikerentalheader.docksused');
  });

  it('reads a table named by two words of its name', () => {
    const { cited } = ask('Which field holds the late fee of a bike rental?');
    expect(cited).toContain('col:bikerentalheader.latefeeamt');
    expect(cited).not.toContain('col:feeschedule.feescheduleid');
  });

  it('names the column with the table when asked where something is stored', () => {
    const { cited } = ask('Where is the late fee of a bike rental stored?');
    expect(cited).toContain('col:bikerentalheader.latefeeamt');
  });

  it('does not read the verb "stored" as the table `store`', () => {
    const m = findMentions('Where is the late fee stored?', facts());
    expect(m.tables).toEqual([]);
    expect(findMentions('Which city is a store in?', facts()).tables).toEqual([
      'store',
    ]);
  });
});
