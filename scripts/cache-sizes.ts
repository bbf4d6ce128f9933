// `npx tsx scripts/cache-sizes.ts <module dir> <package> <label>`: what the cache entries of one module hold and
// what each `cache-save` policy uploads, through the action's own restore and save code against the local cache
// service (azurite behind the cache front door). Every run starts from empty GOMODCACHE and GOCACHE, as a fresh
// runner does: run 1 misses, run 2 repeats it, run 3 changes the code but not go.sum under never, auto and always,
// and run 4 repeats run 3. Prints one block per run: the directories on disk, what each entry holds and leaves
// out, and the bytes uploaded.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareGoCaches, restoreGoCaches, saveGoCaches } from '../src/io/cache/go-caches.js';
import type { CacheSaveMode } from '../src/core/cache/keys.js';
import { startCacheService } from '../test/support/cache-service.js';

const [moduleDir, pkg, label] = process.argv.slice(2);
if (!moduleDir || !pkg || !label) {
  process.stderr.write('usage: npx tsx scripts/cache-sizes.ts <module dir> <package> <label>\n');
  process.exit(2);
}

function diskUsage(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += lstatSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** The action's log lines would drown the figures; they go nowhere here. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

const service = await startCacheService();
Object.assign(process.env, service.env);
const root = mkdtempSync(path.join(os.tmpdir(), 'cache-sizes-'));
const modCache = path.join(root, 'mod');
const buildCache = path.join(root, 'gocache');
const goBinary = path.join(execFileSync('go', ['env', 'GOROOT']).toString().trim(), 'bin', 'go');
const goVersion = execFileSync('go', ['env', 'GOVERSION']).toString().trim().replace(/^go/, '');
const goHostArch = execFileSync('go', ['env', 'GOHOSTARCH']).toString().trim();
const env = {
  ...process.env,
  GOMODCACHE: modCache,
  GOCACHE: buildCache,
  GOFLAGS: '-mod=readonly',
  GOTOOLCHAIN: 'local',
  CGO_ENABLED: '0',
};

function freshRunner(): void {
  if (existsSync(modCache)) execFileSync('chmod', ['-R', 'u+w', modCache]);
  rmSync(modCache, { recursive: true, force: true });
  rmSync(buildCache, { recursive: true, force: true });
  rmSync(path.join(root, 'bin'), { recursive: true, force: true });
}

let runs = 0;
async function run(mode: CacheSaveMode, what: string, extraEnv: Record<string, string> = {}): Promise<void> {
  freshRunner();
  const plan = await quietly(() =>
    prepareGoCaches({
      cache: true,
      cacheBuild: true,
      cacheSave: mode,
      keyPrefix: label as string,
      dependencyPath: '',
      runnerOs: 'Linux',
      goHostArch,
      goVersion,
      targets: [],
      flags: { cgo: false, trimpath: true, tags: [], buildFlags: [], env: {} },
      runStamp: String(++runs),
      workingDirectory: moduleDir as string,
      modCacheDir: modCache,
      buildCacheDir: buildCache,
      stagingDir: path.join(root, 'staging'),
    }),
  );
  const restored = await quietly(() => restoreGoCaches(plan));
  const started = Date.now();
  execFileSync(goBinary, ['build', '-trimpath', '-o', path.join(root, 'bin', 'out'), pkg as string], {
    cwd: moduleDir,
    env: { ...env, ...extraEnv },
    stdio: 'ignore',
  });
  const buildMs = Date.now() - started;
  const mod = diskUsage(modCache);
  const build = diskUsage(buildCache);
  const saved = await quietly(() => saveGoCaches(plan, restored));
  const uploaded = saved.entries.reduce(
    (sum, entry) => sum + (entry.outcome === 'saved' ? (entry.archiveBytes ?? 0) : 0),
    0,
  );
  process.stdout.write(
    `${label} ${what} [cache-save: ${mode}]: cache-hit=${restored.cacheHit}, go build ${buildMs} ms; on disk GOMODCACHE ${mib(mod.bytes)} in ${mod.files} files, GOCACHE ${mib(build.bytes)} in ${build.files} files\n`,
  );
  for (const entry of saved.entries) {
    const used = entry.restoredUsed
      ? `, used ${entry.restoredUsed.used} of ${entry.restoredUsed.restored} restored`
      : '';
    const archive = entry.archiveBytes === null ? '' : `, archive ${mib(entry.archiveBytes)}`;
    process.stdout.write(
      `  ${entry.kind}: ${entry.outcome}; holds ${mib(entry.selectedBytes ?? 0)} in ${entry.selectedFiles} files, leaves out ${entry.leftOut}${used}${archive}\n`,
    );
  }
  process.stdout.write(`  uploaded: ${mib(uploaded)}\n`);
}

try {
  await run('auto', 'run 1');
  await run('auto', 'run 2, same code', { GOPROXY: 'off' });
  const [packageName, packageDir] = execFileSync(goBinary, ['list', '-f', '{{.Name}}\n{{.Dir}}', pkg], {
    cwd: moduleDir,
    env,
  })
    .toString()
    .trim()
    .split('\n') as [string, string];
  const change = path.join(packageDir, 'zz_cache_sizes_change.go');
  writeFileSync(change, `package ${packageName}\n\nvar cacheSizesChange = 1\n`);
  try {
    for (const mode of ['never', 'auto', 'always'] as const) {
      await run(mode, 'run 3, code changed, go.sum not', { GOPROXY: 'off' });
    }
    await run('always', 'run 4, same change again', { GOPROXY: 'off' });
  } finally {
    rmSync(change);
  }
} finally {
  await service.stop();
  freshRunner();
  rmSync(root, { recursive: true, force: true });
}
