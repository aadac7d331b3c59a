import { describe, expect, it } from 'vitest';
import { slaPropertyLabel, slaValueLabel } from './formatSla';

describe('formatSla', () => {
  it('names SLA properties as readers do', () => {
    expect(slaPropertyLabel('frequency')).toBe('Update frequency');
    expect(slaPropertyLabel('timeOfAvailability')).toBe('Time of availability');
    expect(slaPropertyLabel('someNewThing')).toBe('Some new thing');
  });

  it('reads values in words and times with their zone', () => {
    expect(slaValueLabel({ value: '1', unit: 'h' })).toBe('1 hour');
    expect(slaValueLabel({ value: '7', unit: 'y' })).toBe('7 years');
    expect(slaValueLabel({ value: '2', unit: 'fortnights' })).toBe(
      '2 fortnights',
    );
    expect(slaValueLabel({ value: '06:00+00:00' })).toBe('06:00 UTC');
    expect(slaValueLabel({ value: '06:00:00+02:00' })).toBe('06:00 UTC+02:00');
    expect(slaValueLabel({ value: '07:30' })).toBe('07:30');
    expect(slaValueLabel({ value: '2022-05-12T09:30:10-08:00' })).toMatch(
      /2022/,
    );
    expect(slaValueLabel({ value: '99.9%' })).toBe('99.9%');
  });
});
