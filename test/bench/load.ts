/**
 * Many clients at once against the running portal (a plain script, not a test):
 *   npx tsx test/bench/load.ts [--clients 50] [--limit 10] [--extra 5] [--in-flight 2]
 * Starts the portal's backend on localhost:7037 with one static access token
 * per client (each its own principal, so each has its own per-user budget)
 * and the same per-minute and per-day limit (the daily one holds however
 * long the run takes on a busy machine); every client asks `limit + extra`
 * questions with a few in flight, while a probe polls the health endpoint.
 * Prints the figures and exits 1 when a request failed (anything but 201 or
 * 429), the health check failed, or a client got more or fewer answers than
 * the limit.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { repoRoot, startPortal } from '../e2e/portal';
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
  ['component:default/payments', 'Show me example payer IBANs'],
];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1\n`);
    process.exit(2);
  }
  return value;
}

export interface LoadFigures {
  clients: number;
  limitPerMinute: number;
  requests: number;
  answered: number;
  rateLimited: number;
  /** 429s by the limit that was hit. */
  rateLimitedBy: Record<string, number>;
  errors: number;
  errorSamples: string[];
  acceptedPerClient: { min: number; max: number };
  clientsOffLimit: number;
  healthChecks: number;
  healthFailures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(options: {
  clients: number;
  limit: number;
  extra: number;
  inFlight: number;
  log: (line: string) => void;
}): Promise<LoadFigures> {
  const { clients, limit, extra, inFlight, log } = options;
  const port = 7037;
  const baseUrl = `http://localhost:${port}`;
  const tokens = Array.from({ length: clients }, (_, i) => ({
    token: randomBytes(24).toString('hex'),
    subject: `load-client-${String(i + 1).padStart(2, '0')}`,
  }));
  const dir = path.join(repoRoot, 'test/.artifacts');
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'app-config.load.yaml');
  writeFileSync(
    config,
    stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        auth: {
          externalAccess: tokens.map(options => ({ type: 'static', options })),
        },
      },
      dataProductAssistant: {
        budgets: { perUser: { asksPerMinute: limit, asksPerDay: limit } },
      },
    }),
  );

  const portal = await startPortal(log, { extraConfigs: [config], baseUrl });
  try {
    const url = `${baseUrl}/api/data-product-assistant`;
    const statuses = new Map<number, number>();
    const rateLimitedBy: Record<string, number> = {};
    const errorSamples: string[] = [];
    const latencies: number[] = [];
    let errors = 0;
    const accepted = new Array<number>(clients).fill(0);

    let probing = true;
    let healthChecks = 0;
    let healthFailures = 0;
    const probe = (async () => {
      while (probing) {
        healthChecks++;
        const res = await fetch(`${url}/health`).catch(() => undefined);
        if (res?.status !== 200) healthFailures++;
        await res?.arrayBuffer();
        await new Promise(r => setTimeout(r, 100));
      }
    })();

    const askOnce = async (client: number, n: number) => {
      const [entityRef, question] = QUESTIONS[(client + n) % QUESTIONS.length];
      const started = performance.now();
      try {
        const res = await fetch(`${url}/ask`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens[client].token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ entityRef, question }),
        });
        const body = await res.text();
        latencies.push(performance.now() - started);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) accepted[client]++;
        else if (res.status === 429) {
          const limitHit = String(JSON.parse(body).limit);
          rateLimitedBy[limitHit] = (rateLimitedBy[limitHit] ?? 0) + 1;
        } else {
          errors++;
          if (errorSamples.length < 5)
            errorSamples.push(`${res.status} ${body.slice(0, 200)}`);
        }
      } catch (error) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String(error));
      }
    };

    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        let next = 0;
        const total = limit + extra;
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (next < total) await askOnce(client, next++);
          }),
        );
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    probing = false;
    await probe;

    return {
      clients,
      limitPerMinute: limit,
      requests: clients * (limit + extra),
      answered: statuses.get(201) ?? 0,
      rateLimited: statuses.get(429) ?? 0,
      rateLimitedBy,
      errors,
      errorSamples,
      acceptedPerClient: {
        min: Math.min(...accepted),
        max: Math.max(...accepted),
      },
      clientsOffLimit: accepted.filter(a => a !== limit).length,
      healthChecks,
      healthFailures,
      seconds: Math.round(seconds * 10) / 10,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
    };
  } finally {
    await portal.stop();
  }
}

if (require.main === module) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  runLoad({
    clients: option('clients', 50),
    limit: option('limit', 10),
    extra: option('extra', 5),
    inFlight: option('in-flight', 2),
    log,
  })
    .then(f => {
      const rows: Array<[string, string | number]> = [
        ['clients', f.clients],
        ['requests', f.requests],
        ['answered (201)', f.answered],
        [
          'rate limited (429)',
          `${f.rateLimited} ${JSON.stringify(f.rateLimitedBy)}`,
        ],
        ['errors (anything else)', f.errors],
        ['per-user limit (per min, per day)', f.limitPerMinute],
        ['accepted per client, min', f.acceptedPerClient.min],
        ['accepted per client, max', f.acceptedPerClient.max],
        ['clients off the limit', f.clientsOffLimit],
        ['health checks / failed', `${f.healthChecks} / ${f.healthFailures}`],
        ['duration (s)', f.seconds],
        ['latency p50 / p99 (ms)', `${f.p50Ms} / ${f.p99Ms}`],
      ];
      process.stdout.write(
        `${rows.map(([k, v]) => `${k.padEnd(34)} ${v}`).join('\n')}\n`,
      );
      for (const sample of f.errorSamples)
        process.stdout.write(`error: ${sample}\n`);
      const held = f.clientsOffLimit === 0;
      process.exitCode =
        f.errors === 0 && f.healthFailures === 0 && held ? 0 : 1;
    })
    .catch(error => {
      process.stderr.write(
        `load failed: ${error instanceof Error ? error.stack : error}\n`,
      );
      process.exitCode = 1;
    });
}
