/**
 * HTTP load on the running backend (a plain script, not a vitest test):
 *   npx tsx test/bench/api.bench.ts
 * Starts the portal's backend on localhost, signs in as the guest and keeps a
 * fixed number of POST /ask requests in flight for a bounded time.
 *  - api.ask_rps: completed asks per second
 *  - api.ask_p99_ms: 99th percentile latency seen by the client
 */
import path from 'node:path';
import { startPortal } from '../e2e/portal';
import type { BenchFigures } from './interop.bench';
import { percentile } from './stats';

const QUESTIONS: Array<[string, string]> = [
  ['component:default/sales-orders', 'Who owns this data product?'],
  ['component:default/shipments', 'How fresh is the data?'],
  [
    'component:default/customer-profiles',
    'Which columns contain personal data?',
  ],
  ['component:default/invoices', 'What is the primary key?'],
  ['component:default/web-sessions', 'How do I get access?'],
];

export async function runApiBench(
  options: {
    seconds?: number;
    concurrency?: number;
    log?: (line: string) => void;
  } = {},
): Promise<BenchFigures> {
  const log = options.log ?? (() => undefined);
  const seconds = options.seconds ?? 15;
  const concurrency = options.concurrency ?? 8;
  // A load test is one user asking far more often than the per-user budget allows.
  const portal = await startPortal(log, {
    extraConfigs: [path.join(__dirname, 'app-config.bench.yaml')],
  });
  try {
    const auth = await fetch(`${portal.baseUrl}/api/auth/guest/refresh`);
    const { backstageIdentity } = (await auth.json()) as any;
    const headers = {
      authorization: `Bearer ${backstageIdentity.token}`,
      'content-type': 'application/json',
    };
    const once = async (i: number) => {
      const [entityRef, question] = QUESTIONS[i % QUESTIONS.length];
      const started = performance.now();
      const res = await fetch(
        `${portal.baseUrl}/api/data-product-assistant/ask`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ entityRef, question }),
        },
      );
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`ask answered ${res.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 20; i++) await once(i); // warm-up

    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) latencies.push(await once(next++));
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const p99 = percentile(latencies, 99);
    log(
      `api: ${latencies.length} asks in ${elapsed.toFixed(
        1,
      )} s with ${concurrency} in flight`,
    );
    return {
      'api.ask_rps': {
        value: Math.round((latencies.length / elapsed) * 10) / 10,
        unit: 'req/s',
        note: `POST /ask on the built-in models, SQLite, ${concurrency} requests in flight for ${seconds} s from one client process on loopback`,
      },
      'api.ask_p99_ms': {
        value: Math.round(p99 * 10) / 10,
        unit: 'ms',
        note: `client-side p99 latency of POST /ask over ${latencies.length} requests`,
      },
    };
  } finally {
    await portal.stop();
  }
}

if (require.main === module) {
  runApiBench({ log: console.log }).then(figures => console.table(figures));
}
