import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export const repoRoot = path.resolve(__dirname, '../..');
const appDist = path.join(repoRoot, 'packages/app/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs,
    );
  }
  return newest;
}

/** Builds the frontend unless its bundle is newer than every source it is made of. */
export function buildAppIfStale(log: (line: string) => void) {
  const sources = [
    'packages/app',
    'plugins/data-product-assistant',
    'plugins/data-product-assistant-common',
  ];
  const newestSource = Math.max(
    ...sources.map(s => newestMtime(path.join(repoRoot, s))),
  );
  if (existsSync(appDist) && statSync(appDist).mtimeMs > newestSource) {
    log('e2e: app bundle is up to date');
    return;
  }
  log('e2e: building the app (backstage-cli package build)…');
  const started = Date.now();
  const result = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(repoRoot, 'packages/app'),
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which the bundler's browserslist lookup does not know
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=6144',
    },
  });
  if (result.status !== 0) throw new Error('e2e: building the app failed');
  log(`e2e: app built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export interface RunningPortal {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the backend (serving the built app) and waits until the demo catalog is in. */
export async function startPortal(
  log: (line: string) => void,
  options: {
    extraConfigs?: string[];
    /** Where an extra config puts the backend (default the e2e port, 7017). */
    baseUrl?: string;
  } = {},
): Promise<RunningPortal> {
  // E2E_PORT moves the portal off 7017 (e.g. when two checkouts test at
  // once); a caller whose extra config places the backend names its base URL.
  const port = Number(process.env.E2E_PORT ?? 7017);
  const baseUrl = options.baseUrl ?? `http://localhost:${port}`;
  const configs = [
    path.join(repoRoot, 'app-config.yaml'),
    path.join(repoRoot, 'test/e2e/app-config.e2e.yaml'),
    ...(options.extraConfigs ?? []),
  ];
  if (!options.baseUrl && port !== 7017) {
    const dir = path.join(repoRoot, 'test/.artifacts');
    mkdirSync(dir, { recursive: true });
    const portConfig = path.join(dir, 'app-config.port.yaml');
    writeFileSync(
      portConfig,
      stringify({
        app: { baseUrl },
        backend: { baseUrl, listen: { port }, cors: { origin: baseUrl } },
      }),
    );
    configs.push(portConfig);
  }
  const child: ChildProcess = spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      ...configs.flatMap(c => ['--config', c]),
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development' },
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
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };

  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const auth = await fetch(`${baseUrl}/api/auth/guest/refresh`);
      if (auth.ok) {
        const { backstageIdentity } = (await auth.json()) as any;
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/sales-orders`,
          { headers: { authorization: `Bearer ${backstageIdentity.token}` } },
        );
        if (res.ok) {
          log('e2e: portal is up with the demo catalog');
          return { baseUrl, stop };
        }
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(
    `e2e: the portal did not come up:\n${output.join('').slice(-4000)}`,
  );
}
