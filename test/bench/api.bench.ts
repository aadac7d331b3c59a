/**
 * HTTP load on the backend as production runs it (a plain script, not a vitest test):
 *   npx tsx test/bench/api.bench.ts [--seconds 8] [--rounds 5] [--clients 50] [--cpu-prof DIR]
 * Starts the portal's backend in production mode (productionBackend.ts: NODE_ENV=production,
 * PostgreSQL), signs in as the demo user and runs, in the same run, alternating rounds of
 *  - catalog: GET /api/catalog/entities/by-name/… of the demo data products, and
 *  - ask: POST /api/data-product-assistant/ask over every demo data product × questions
 *    generated from its contract (questions.ts),
 * each with `clients` concurrent clients (one request in flight each) for `seconds`, after two
 * such rounds that are not recorded.
 *  - api.ask_rps, api.catalog_rps: completed requests per second, median of the rounds
 *  - api.ask_to_catalog_ratio: their ratio; its note adds the backend's CPU time per request
 *    of each kind (from /proc, median round), which a busy shared machine disturbs less
 *  - api.ask_p99_ms: client-side p99 latency of the asks over all rounds
 * With --cpu-prof DIR the backend writes a V8 CPU profile there when it stops.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defaultEngineThreads } from '../../plugins/data-product-assistant-backend/src/ask/EngineThreads';
import { demoProfile } from '../../plugins/data-product-assistant-node/src/__testUtils__/fixtures';
import type { BenchFigures } from './interop.bench';
import { startProductionBackend } from './productionBackend';
import { questionsFor } from './questions';
import { median, percentile } from './stats';

/** Rounds of both loads run before any is recorded. */
const WARM_UP_ROUNDS = 2;

interface Ask {
  entityRef: string;
  question: string;
}

/** Every demo data product with the questions generated from its contract. */
function workload(): { asks: Ask[]; products: string[] } {
  const root = path.resolve(__dirname, '../../examples/catalog/products');
  const ranked: Array<Ask & { rank: number }> = [];
  const products: string[] = [];
  readdirSync(root).forEach(domain =>
    readdirSync(path.join(root, domain)).forEach(name => {
      const profile = demoProfile(`${domain}/${name}`);
      products.push(profile.entityRef);
      questionsFor(profile, { perKind: 1, seed: 3 }).forEach((q, rank) =>
        ranked.push({
          entityRef: profile.entityRef,
          question: q.question,
          rank,
        }),
      );
    }),
  );
  // interleaved, so that concurrent clients ask different products
  ranked.sort(
    (a, b) => a.rank - b.rank || a.entityRef.localeCompare(b.entityRef),
  );
  return {
    asks: ranked.map(({ entityRef, question }) => ({ entityRef, question })),
    products,
  };
}

/**
 * `clients` loops, each sending one request at a time until the deadline;
 * with the backend's CPU time used meanwhile, per completed request.
 */
async function load(
  clients: number,
  seconds: number,
  send: (i: number) => Promise<void>,
  cpuMs: () => number | undefined = () => undefined,
): Promise<{
  latencies: number[];
  elapsed: number;
  failed: number;
  cpuMsPerRequest?: number;
}> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const cpuBefore = cpuMs();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await send(next++);
          latencies.push(performance.now() - t0);
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs();
  return {
    latencies,
    elapsed,
    failed,
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && latencies.length
        ? (cpuAfter - cpuBefore) / latencies.length
        : undefined,
  };
}

export async function runApiBench(
  options: {
    seconds?: number;
    rounds?: number;
    clients?: number;
    cpuProfDir?: string;
    log?: (line: string) => void;
  } = {},
): Promise<BenchFigures> {
  const log = options.log ?? (() => undefined);
  const seconds = options.seconds ?? 8;
  const rounds = options.rounds ?? 5;
  const clients = options.clients ?? 50;
  const { asks, products } = workload();
  const questions = new Set(asks.map(a => a.question)).size;
  const backend = await startProductionBackend({
    log,
    cpuProfDir: options.cpuProfDir,
  });
  try {
    const headers = {
      authorization: `Bearer ${backend.token}`,
      'content-type': 'application/json',
    };
    const ask = async (i: number) => {
      const res = await fetch(
        `${backend.baseUrl}/api/data-product-assistant/ask`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify(asks[i % asks.length]),
        },
      );
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`ask answered ${res.status}`);
    };
    const catalog = async (i: number) => {
      const name = products[i % products.length].split('/')[1];
      const res = await fetch(
        `${backend.baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
        { headers },
      );
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`catalog answered ${res.status}`);
    };
    // warm-up: every ask once (first reads of each contract), then rounds of both under load,
    // not recorded: the catalog's throughput still climbs for tens of seconds under load
    for (let i = 0; i < asks.length; i++) await ask(i);
    for (let r = 0; r < WARM_UP_ROUNDS; r++) {
      await load(clients, seconds, catalog);
      await load(clients, seconds, ask);
    }

    const askRps: number[] = [];
    const catalogRps: number[] = [];
    const askCpu: number[] = [];
    const catalogCpu: number[] = [];
    const askLatencies: number[] = [];
    let failed = 0;
    for (let r = 0; r < rounds; r++) {
      const c = await load(clients, seconds, catalog, backend.cpuMs);
      const a = await load(clients, seconds, ask, backend.cpuMs);
      catalogRps.push(c.latencies.length / c.elapsed);
      askRps.push(a.latencies.length / a.elapsed);
      if (c.cpuMsPerRequest !== undefined) catalogCpu.push(c.cpuMsPerRequest);
      if (a.cpuMsPerRequest !== undefined) askCpu.push(a.cpuMsPerRequest);
      askLatencies.push(...a.latencies);
      failed += c.failed + a.failed;
      log(
        `api: round ${r + 1}: catalog ${catalogRps[r].toFixed(1)} req/s${
          c.cpuMsPerRequest !== undefined
            ? ` (${c.cpuMsPerRequest.toFixed(2)} ms backend CPU each)`
            : ''
        }, ask ${askRps[r].toFixed(1)} req/s${
          a.cpuMsPerRequest !== undefined
            ? ` (${a.cpuMsPerRequest.toFixed(2)} ms backend CPU each)`
            : ''
        }${c.failed + a.failed ? `, ${c.failed + a.failed} failed` : ''}`,
      );
    }
    if (failed) throw new Error(`api: ${failed} requests failed under load`);
    const ask_ = median(askRps);
    const catalog_ = median(catalogRps);
    // the bench config sets none
    const engineThreads = defaultEngineThreads();
    const how = `${clients} concurrent clients (one request in flight each) in one process on loopback, ${rounds} rounds of ${seconds} s alternating catalog and ask after ${WARM_UP_ROUNDS} unrecorded, median round; backend NODE_ENV=production from source (Backstage's transform, no watcher), ${
      backend.database
    }, built-in models run in ${engineThreads} engine thread${
      engineThreads === 1 ? '' : 's'
    } beside the event loop (dataProductAssistant.engineThreads' default: cores − 1); ${availableParallelism()} shared cores, client and backend on the same machine`;
    return {
      'api.ask_rps': {
        value: Math.round(ask_ * 10) / 10,
        unit: 'req/s',
        note: `POST /ask over ${products.length} data products × ${questions} questions generated from their contracts (${asks.length} asks); ${how}`,
      },
      'api.catalog_rps': {
        value: Math.round(catalog_ * 10) / 10,
        unit: 'req/s',
        note: `GET /api/catalog/entities/by-name of the same ${products.length} data products with the same user token; ${how}`,
      },
      'api.ask_to_catalog_ratio': {
        value: Math.round((ask_ / catalog_) * 100) / 100,
        unit: 'ratio',
        note: `api.ask_rps ÷ api.catalog_rps, measured in the same run${
          askCpu.length && catalogCpu.length
            ? `; backend CPU time per request (median round, steadier than throughput on a shared machine): ask ${median(
                askCpu,
              ).toFixed(2)} ms, catalog ${median(catalogCpu).toFixed(
                2,
              )} ms, their ratio ${(
                median(catalogCpu) / median(askCpu)
              ).toFixed(2)}`
            : ''
        }`,
      },
      'api.ask_p99_ms': {
        value: Math.round(percentile(askLatencies, 99) * 10) / 10,
        unit: 'ms',
        note: `client-side p99 latency of POST /ask over ${askLatencies.length} requests at ${clients} concurrent clients`,
      },
    };
  } finally {
    await backend.stop();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  runApiBench({
    seconds: arg('seconds') ? Number(arg('seconds')) : undefined,
    rounds: arg('rounds') ? Number(arg('rounds')) : undefined,
    clients: arg('clients') ? Number(arg('clients')) : undefined,
    cpuProfDir: arg('cpu-prof') ? path.resolve(arg('cpu-prof')!) : undefined,
    log: console.log,
  }).then(figures => console.table(figures));
}
