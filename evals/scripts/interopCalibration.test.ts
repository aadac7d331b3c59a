import { describe, expect, it } from 'vitest';
import { fitPlatt, reliability, type Labelled } from './interopCalibration.lib';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Platt calibration', () => {
  it('recovers the scale and shift that generated the labels', () => {
    // deterministic: at each score, labels in the proportion sigmoid(0.5·s − 1) says
    const data: Labelled[] = [];
    for (let s = -10; s <= 10; s += 0.5) {
      const p = sigmoid(0.5 * s - 1);
      for (let k = 0; k < 200; k++)
        data.push({ score: s, label: k < Math.round(p * 200) ? 1 : 0 });
    }
    const fit = fitPlatt(data);
    expect(fit.scale).toBeCloseTo(0.5, 1);
    expect(fit.shift).toBeCloseTo(-1, 1);
  });

  it('never claims certainty from separable labels', () => {
    const data: Labelled[] = [
      ...Array.from({ length: 30 }, (_, k) => ({
        score: 5 + k,
        label: 1 as const,
      })),
      ...Array.from({ length: 300 }, (_, k) => ({
        score: -k / 10,
        label: 0 as const,
      })),
    ];
    const fit = fitPlatt(data);
    expect(fit.ceiling).toBeCloseTo(31 / 32);
    expect(fit.scale).toBeGreaterThan(0);
  });

  it('reports observed and predicted shares per confidence bin', () => {
    const data: Labelled[] = [
      { score: -5, label: 0 },
      { score: 5, label: 1 },
    ];
    const bins = reliability(data, { scale: 1, shift: 0, ceiling: 1 });
    expect(bins.map(b => b.pairs).reduce((a, b) => a + b)).toBe(2);
    expect(bins[bins.length - 1].observed).toBe(1);
  });

  it('refuses labels of one kind only', () => {
    expect(() => fitPlatt([{ score: 1, label: 1 }])).toThrow(
      /positive and negative/,
    );
  });
});
