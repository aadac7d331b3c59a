/**
 * The portal's backend as a production deployment runs it, for load
 * benchmarks: NODE_ENV=production, app-config.yaml + app-config.production.yaml
 * (+ app-config.bench.yaml and a generated file for the port and database),
 * a plain `node` process (no watcher, no source maps) that loads the
 * TypeScript sources through Backstage's own transform, PostgreSQL with one
 * database per plugin (a fresh prefix per run, dropped at the end). Falls back
 * to an in-memory SQLite database when PostgreSQL is not reachable, and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';

const repoRoot = path.resolve(__dirname, '../..');

export interface ProductionBackend {
  baseUrl: string;
  /** What stores the data: `PostgreSQL 15.2 (databases dpa_bench_…)` or `SQLite in memory`. */
  database: string;
  /** A user token for user:default/guest (the demo's sign-in). */
  token: string;
  /** CPU time (user + system, ms) the backend process has used so far; undefined without /proc. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

const PG = {
  host: process.env.DPA_BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.DPA_BENCH_PG_PORT ?? 5432),
  user: process.env.DPA_BENCH_PG_USER ?? 'postgres',
  password: process.env.DPA_BENCH_PG_PASSWORD ?? 'postgres',
};

async function pg<T>(run: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5000,
  });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function dropDatabases(prefix: string) {
  await pg(async db => {
    const rows: Array<{ datname: string }> = await db('pg_database')
      .where('datname', 'like', `${prefix}%`)
      .select('datname');
    for (const { datname } of rows)
      await db.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
  });
}

export async function startProductionBackend(
  options: {
    log?: (line: string) => void;
    /** Write a V8 CPU profile of the backend here when it stops. */
    cpuProfDir?: string;
  } = {},
): Promise<ProductionBackend> {
  const log = options.log ?? (() => undefined);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const prefix = `dpa_bench_${process.pid}_${Date.now().toString(36)}_`;
  let database: Record<string, unknown>;
  let described: string;
  try {
    const version = await pg(async db => {
      const { rows } = await db.raw('SHOW server_version');
      return String(rows[0].server_version).split(' ')[0];
    });
    database = {
      client: 'pg',
      prefix,
      connection: { ...PG },
    };
    described = `PostgreSQL ${version} (one database per plugin)`;
  } catch (error) {
    log(`bench: PostgreSQL not reachable (${error}); using SQLite in memory`);
    database = { client: 'better-sqlite3', connection: ':memory:' };
    described = 'SQLite in memory (PostgreSQL was not reachable)';
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dpa-bench-'));
  const runtimeConfig = path.join(dir, 'app-config.runtime.yaml');
  // JSON is YAML: the port, URLs and database of this run
  writeFileSync(
    runtimeConfig,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        database,
      },
    }),
  );
  const configs = [
    path.join(repoRoot, 'app-config.yaml'),
    path.join(repoRoot, 'app-config.production.yaml'),
    path.join(__dirname, 'app-config.bench.yaml'),
    runtimeConfig,
  ];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      ...(options.cpuProfDir
        ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`]
        : []),
      'src/index.ts',
      ...configs.flatMap(c => ['--config', c]),
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // app-config.production.yaml reads these
        APP_BASE_URL: baseUrl,
        BACKEND_BASE_URL: baseUrl,
        POSTGRES_HOST: PG.host,
        POSTGRES_PORT: String(PG.port),
        POSTGRES_USER: PG.user,
        POSTGRES_PASSWORD: PG.password,
      },
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (database.client === 'pg') await dropDatabases(prefix);
    rmSync(dir, { recursive: true, force: true });
  };

  // utime + stime (fields 14 and 15 of /proc/<pid>/stat), in clock ticks of 10 ms on Linux
  const cpuMs = () => {
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  };

  const deadline = Date.now() + 300_000;
  try {
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const auth = await fetch(`${baseUrl}/api/auth/guest/refresh`);
        if (auth.ok) {
          const { backstageIdentity } = (await auth.json()) as {
            backstageIdentity: { token: string };
          };
          const token = backstageIdentity.token;
          const res = await fetch(
            `${baseUrl}/api/catalog/entities/by-query?filter=spec.type=data-product&limit=100&fields=metadata.name`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const body = res.ok
            ? ((await res.json()) as { items: unknown[] })
            : undefined;
          if (body && body.items.length >= 16) {
            log(
              `bench: production backend up on ${baseUrl} (${described}), ${body.items.length} data products in the catalog`,
            );
            return { baseUrl, database: described, token, cpuMs, stop };
          }
        }
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  await stop();
  throw new Error(
    `bench: the production backend did not come up:\n${output
      .join('')
      .slice(-4000)}`,
  );
}
