/**
 * Platt scaling for the interop confidence (calibration.ts): fit
 * p = sigmoid(scale · score + shift) to labelled pairs by maximum likelihood,
 * with Platt's smoothed targets ((N+ + 1) / (N+ + 2) for a positive,
 * 1 / (N− + 2) for a negative). The ceiling is Laplace's rule of succession:
 * with N+ labelled positives, no score earns more than (N+ + 1) / (N+ + 2),
 * so a few dozen labels never claim certainty.
 */

export interface Labelled {
  score: number;
  label: 0 | 1;
}

export interface Platt {
  scale: number;
  shift: number;
  /** Highest confidence the labels support: (N+ + 1) / (N+ + 2). */
  ceiling: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Newton's method with step halving on the smoothed log-likelihood (two parameters); deterministic. */
export function fitPlatt(data: readonly Labelled[]): Platt {
  const pos = data.filter(d => d.label === 1).length;
  const neg = data.length - pos;
  if (!pos || !neg)
    throw new Error('calibration needs positive and negative pairs');
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const loss = (a: number, b: number) => {
    let l = 0;
    for (const d of data) {
      const t = d.label ? hi : lo;
      const z = a * d.score + b;
      // −[t log p + (1 − t) log(1 − p)], stable for large |z|
      l += Math.max(z, 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 200; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const d of data) {
      const t = d.label ? hi : lo;
      const p = sigmoid(a * d.score + b);
      const w = p * (1 - p);
      ga += (p - t) * d.score;
      gb += p - t;
      haa += w * d.score * d.score;
      hab += w * d.score;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-8) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const gain = current - next;
    current = next;
    if (gain < 1e-12) break;
  }
  return { scale: a, shift: b, ceiling: hi };
}

/** Calibration table: per bin of predicted confidence, the pairs in it and the share that were right. */
export function reliability(
  data: readonly Labelled[],
  platt: Platt,
  bins = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001],
): Array<{
  from: number;
  to: number;
  pairs: number;
  predicted: number;
  observed: number;
}> {
  return bins.slice(0, -1).map((from, i) => {
    const to = bins[i + 1];
    const inBin = data
      .map(d => ({
        p: sigmoid(platt.scale * d.score + platt.shift),
        y: d.label,
      }))
      .filter(x => x.p >= from && x.p < to);
    const n = inBin.length;
    return {
      from,
      to: Math.min(1, to),
      pairs: n,
      predicted: n ? inBin.reduce((s, x) => s + x.p, 0) / n : 0,
      observed: n ? inBin.reduce((s, x) => s + x.y, 0) / n : 0,
    };
  });
}
