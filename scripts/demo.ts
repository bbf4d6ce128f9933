// `npm run demo`: runs the bundled action end to end on examples/hello through the local runner, with the
// tool cache and every file it writes under .demo/, and a local cache service (azurite behind a stand-in for
// GitHub's cache front door) keeping its entries in .demo/cache-service. Each run starts with empty module and
// build caches, as a fresh runner does. Run it twice: the second run reuses the installed toolchain from the
// tool cache and restores GOMODCACHE and GOCACHE from the first run's cache entries. With --pr it runs the
// pull-request flow instead (scripts/demo-pr.ts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCacheService } from '../test/support/cache-service.js';
import { runPullRequestDemo } from './demo-pr.js';
import { runAction } from './local-runner.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, '.demo');

/** Removes a directory the way a fresh runner starts: the module cache's files are read-only, so allow writes first. */
async function removeTree(dir: string): Promise<void> {
  if (existsSync(dir)) execFileSync('chmod', ['-R', 'u+w', dir]);
  await rm(dir, { recursive: true, force: true });
}

/** The demo's own module and build caches and GOPATH. */
const goEnv = {
  GOMODCACHE: path.join(demo, 'gomodcache'),
  GOCACHE: path.join(demo, 'gocache'),
  GOPATH: path.join(demo, 'gopath'),
};

async function main(): Promise<number> {
  await mkdir(demo, { recursive: true });
  if (process.argv.includes('--pr')) return (await runPullRequestDemo(root, demo, goEnv)).success ? 0 : 1;
  await removeTree(path.join(demo, 'gomodcache'));
  await removeTree(path.join(demo, 'gocache'));
  const cacheService = await startCacheService({ stateDir: path.join(demo, 'cache-service') });
  const started = Date.now();
  const result = await runAction({
    actionDir: root,
    workspace: root,
    toolCache: path.join(demo, 'toolcache'),
    temp: path.join(demo, 'tmp'),
    echo: true,
    inputs: {
      'working-directory': 'examples/hello',
      // go.dev is out of reach from this machine; the module proxy serves the same official toolchains.
      'toolchain-source': 'goproxy',
      targets: 'darwin/arm64 darwin/amd64 linux/arm64 linux/amd64',
      'universal-darwin': 'true',
      sbom: 'true',
      'output-dir': '.demo/bin',
      'report-file': '.demo/report.json',
    },
    env: {
      ...cacheService.env,
      // The demo's module and build caches are its own, so a first run is cold like on a fresh runner.
      ...goEnv,
    },
  });
  const wallMs = Date.now() - started;
  await cacheService.stop();

  await writeFile(path.join(demo, 'outputs.json'), JSON.stringify(result.outputs, null, 2) + '\n');
  await writeFile(path.join(demo, 'summary.md'), result.summary);
  process.stdout.write(`\n===== job summary (.demo/summary.md) =====\n${result.summary}\n`);
  for (const step of result.steps) {
    process.stdout.write(`step ${step.name}: exit ${step.exitCode} in ${step.durationMs} ms\n`);
  }
  const checksums = result.outputs['checksums-file'];
  if (checksums) process.stdout.write(`sha256 of every binary in ${path.relative(root, checksums)}\n`);
  const sboms = JSON.parse(result.outputs['sbom-files'] || '[]') as string[];
  process.stdout.write(`${sboms.length} CycloneDX SBOMs, one per thin binary: ${sboms.join(', ')}\n`);
  process.stdout.write(`demo wall time ${wallMs} ms; outputs in .demo/outputs.json\n`);
  return result.success ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
