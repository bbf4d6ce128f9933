// cgo builds through the bundled action: a cross C compiler per target (Debian's aarch64-linux-gnu-gcc), the
// message that names the fix when a target has none, failed targets in the summary and the report, and the
// logged `go build` line, which pasted into a shell reproduces the same bytes.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../src/core/report/report.js';
import type { RunActionResult } from '../scripts/local-runner.js';
import { expectValidReport } from '../test/support/report-schema.js';
import {
  buildTestEnv,
  localGo,
  runActionOnApp,
  scratchDir,
  tempModule,
  toolCacheWithLocalGo,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

const CROSS_CC = 'aarch64-linux-gnu-gcc';
/** Debian and Ubuntu package it (on arm64 it is the native gcc); Homebrew has no C compiler for linux/arm64. */
const crossCcInstalled = spawnSync(CROSS_CC, ['--version']).error === undefined;

/** A main package whose answer comes from C, so the binary holds code the C compiler made for its target. */
const CGO_MODULE = {
  'go.mod': 'module example.com/cgohello\n\ngo 1.22\n',
  'main.go': [
    'package main',
    '',
    '// int answer(void) { return 42; }',
    'import "C"',
    '',
    'import "fmt"',
    '',
    'func main() { fmt.Println(int(C.answer())) }',
    '',
  ].join('\n'),
};

let go: LocalGo;
let toolCache: string;
beforeAll(async () => {
  go = await localGo();
  toolCache = await toolCacheWithLocalGo(go);
});

async function run(inputs: Record<string, string>): Promise<{ result: RunActionResult; workspace: string }> {
  const workspace = await scratchDir('sga-cgo-');
  await tempModule(CGO_MODULE, path.join(workspace, 'app'));
  const result = await runActionOnApp(go, toolCache, workspace, { cache: 'false', cgo: 'true', ...inputs });
  return { result, workspace };
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('cgo: true', () => {
  const crossBuildTitle =
    'cross-builds linux/arm64 with the cgo-cc compiler, and the logged command reproduces the bytes';
  (crossCcInstalled ? it : it.skip)(
    crossCcInstalled ? crossBuildTitle : `${crossBuildTitle}: SKIPPED, no ${CROSS_CC} on PATH`,
    async () => {
      const { result, workspace } = await run({
        targets: 'linux/arm64',
        'cgo-cc': `linux/arm64=${CROSS_CC}`,
      });
      expect(result.success).toBe(true);
      const report = JSON.parse(await readFile(path.join(workspace, 'report.json'), 'utf8')) as Report;
      expectValidReport(report);
      const binary = path.join(workspace, report.targets[0]!.path);
      expect(execFileSync('file', ['-b', binary], { encoding: 'utf8' })).toMatch(
        /ELF 64-bit LSB .*ARM aarch64/,
      );
      const info = execFileSync(go.goBinary, ['version', '-m', binary], { encoding: 'utf8' });
      expect(info).toContain('\tbuild\tCGO_ENABLED=1\n');
      // -trimpath keeps CC out of the build info; an arm64 ELF that links C proves the cross compiler ran.

      const logged = result.steps[0]!.stdout.split('\n').find((line) => line.includes(' go build '))!;
      expect(logged).toMatch(
        new RegExp(`^GOOS=linux GOARCH=arm64 CGO_ENABLED=1 CC=${CROSS_CC} go build -o `),
      );
      const first = await sha256(binary);
      await rename(binary, `${binary}.first`);
      // Pasted into a shell in the module's directory, with nothing of the action's environment but GOCACHE.
      execFileSync('sh', ['-c', logged], { cwd: path.join(workspace, 'app'), env: buildTestEnv() });
      expect(await sha256(binary)).toBe(first);
    },
  );

  it('without a cross compiler, fails the target with a message naming the fixes, listed in summary and report', async () => {
    const host = `${go.goos}/${go.goarch}`;
    // A linux target of the other architecture, which the host's own C compiler cannot build for.
    const foreignArch = go.goarch === 'arm64' ? 'amd64' : 'arm64';
    const foreign = `linux/${foreignArch}`;
    const zigArch = foreignArch === 'arm64' ? 'aarch64' : 'x86_64';
    const { result, workspace } = await run({ targets: `${host} ${foreign}` });
    expect(result.success).toBe(false);
    const errors = result.steps[0]!.commands.filter((c) => c.command === 'error').map((c) => c.message);
    const message = errors.find((m) => m.includes(`./... ${foreign}`) || m.includes(`. ${foreign}`))!;
    expect(message).toContain('cgo-cc');
    expect(message).toContain(`${foreign}=zig cc -target ${zigArch}-linux-gnu`);
    expect(message).toContain('runner of that platform');
    expect(message).toContain('cgo: false');
    const report = JSON.parse(await readFile(path.join(workspace, 'report.json'), 'utf8')) as Report;
    expectValidReport(report);
    expect(report.targets.map((t) => `${t.goos}/${t.goarch}`)).toEqual([host]);
    expect(report.failed?.map((f) => `${f.package} ${f.goos}/${f.goarch}`)).toEqual([`. ${foreign}`]);
    expect(result.summary).toContain('### Failed builds (1)');
    expect(result.summary).toContain(`| \`.\` | ${foreign} | go build failed for . ${foreign}: cgo: true`);
  });
});
