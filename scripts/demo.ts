// `npm run demo`: runs the bundled action end to end on examples/hello through the local runner, with the
// tool cache and every file it writes under .demo/. Run it twice: the second run reuses the installed toolchain.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from './local-runner.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, '.demo');

async function main(): Promise<number> {
  await mkdir(demo, { recursive: true });
  const started = Date.now();
  const result = await runAction({
    actionDir: root,
    workspace: root,
    toolCache: path.join(demo, 'toolcache'),
    temp: path.join(demo, 'tmp'),
    echo: true,
    inputs: {
      'working-directory': 'examples/hello',
      targets: 'darwin/arm64 darwin/amd64 linux/arm64 linux/amd64',
      'output-dir': '.demo/bin',
      'report-file': '.demo/report.json',
    },
    env: {
      // The demo's module and build caches are its own, so a first run is cold like on a fresh runner.
      GOMODCACHE: path.join(demo, 'gomodcache'),
      GOCACHE: path.join(demo, 'gocache'),
      GOPATH: path.join(demo, 'gopath'),
    },
  });
  const wallMs = Date.now() - started;

  await writeFile(path.join(demo, 'outputs.json'), JSON.stringify(result.outputs, null, 2) + '\n');
  await writeFile(path.join(demo, 'summary.md'), result.summary);
  process.stdout.write(`\n===== job summary (.demo/summary.md) =====\n${result.summary}\n`);
  for (const step of result.steps) {
    process.stdout.write(`step ${step.name}: exit ${step.exitCode} in ${step.durationMs} ms\n`);
  }
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
