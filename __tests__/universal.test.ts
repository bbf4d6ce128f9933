// universal-darwin and the checksums file, through the bundled action and the local runner on examples/hello,
// checked with tools that share no code with the action: llvm-lipo, file, cmp and sha256sum.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunActionResult } from '../scripts/local-runner.js';
import type { SizeComparison } from '../src/core/compare/compare.js';
import type { Report, TargetResult } from '../src/core/report/report.js';
import { runActionOnHello, workspaceWithHello } from '../test/support/action-harness.js';
import { expectValidReport } from '../test/support/report-schema.js';

/** LLVM's lipo: Debian's llvm-14, or the one LLVM_LIPO names (.ci/run sets it to Homebrew's on macOS). */
const LIPO = process.env.LLVM_LIPO || '/usr/bin/llvm-lipo-14';

function run(command: string, args: string[], cwd?: string): { status: number | null; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** True when the two files hold the same bytes, as cmp judges. */
function sameBytes(a: string, b: string): boolean {
  return run('cmp', [a, b]).status === 0;
}

describe('universal-darwin and checksums.txt', () => {
  let toolCache: string;
  let workspace: string;
  let result: RunActionResult;
  let report: Report;
  const target = (goarch: string) => report.targets.find((t) => t.goarch === goarch) as TargetResult;
  const fileOf = (t: TargetResult) => path.join(workspace, t.path);
  /** examples/hello built for both darwin targets and linux/amd64, with universal-darwin. */
  const buildExample = (inputs: Record<string, string>) =>
    runActionOnHello(workspace, toolCache, {
      targets: 'darwin/arm64 darwin/amd64 linux/amd64',
      'universal-darwin': 'true',
      ...inputs,
    });

  beforeAll(async () => {
    toolCache = await mkdtemp(path.join(os.tmpdir(), 'sga-toolcache-'));
    workspace = await workspaceWithHello('sga-universal-');
    result = await buildExample({ 'output-dir': 'out/bin', 'report-file': 'out/report.json', sbom: 'true' });
    report = JSON.parse(await readFile(path.join(workspace, 'out/report.json'), 'utf8')) as Report;
  }, 600_000);

  it('reports the universal binary as a row of its own, read from its header and its slices', () => {
    expect(result.steps[0]?.stderr).toBe('');
    expect(result.success).toBe(true);
    expectValidReport(report);
    expect(report.targets.map((t) => `${t.goos}/${t.goarch}`)).toEqual([
      'darwin/amd64',
      'darwin/arm64',
      'darwin/universal',
      'linux/amd64',
    ]);
    const universal = target('universal');
    expect(universal).toMatchObject({
      path: 'out/bin/hello_darwin_universal',
      format: 'macho-fat',
      arch: 'amd64+arm64',
    });
    expect(universal.slices?.map((s) => [s.arch, s.sha256, s.goos, s.goarch])).toEqual([
      ['amd64', target('amd64').sha256, 'darwin', 'amd64'],
      ['arm64', target('arm64').sha256, 'darwin', 'arm64'],
    ]);
    expect(universal.slices?.map((s) => s.goVersion)).toEqual([
      `go${report.go.version}`,
      `go${report.go.version}`,
    ]);
    expect(JSON.parse(result.outputs['artifacts'] as string)).toContain('out/bin/hello_darwin_universal');
    expect(result.summary).toMatch(
      /\| darwin\/universal \| [\d.]+ MiB \| \d+ \| .* \| macho-fat amd64\+arm64 \|/,
    );
    expect(result.summary).toMatch(/darwin\/universal is a universal binary of amd64 \(.* at byte 4096, go/);
  });

  it('writes a fat Mach-O that llvm-lipo and file read as both slices, each byte-identical to its thin build', async () => {
    const universal = target('universal');
    const fat = fileOf(universal);
    expect(execFileSync('file', ['-b', fat], { encoding: 'utf8' })).toMatch(
      /^Mach-O universal binary with 2 architectures: \[x86_64:.*\] \[.*arm64/s,
    );
    expect(run(LIPO, ['-info', fat]).out).toMatch(/Architectures in the fat file: .* are: x86_64 arm64/);
    // The input comes first: after -verify_arch, llvm-lipo reads every word as an arch.
    expect(run(LIPO, [fat, '-verify_arch', 'arm64', 'x86_64']).status).toBe(0);
    expect(run(LIPO, [fileOf(target('arm64')), '-verify_arch', 'arm64', 'x86_64']).status).toBe(1);

    const scratch = await mkdtemp(path.join(os.tmpdir(), 'sga-lipo-'));
    for (const [lipoArch, goarch] of [
      ['arm64', 'arm64'],
      ['x86_64', 'amd64'],
    ] as const) {
      const slice = path.join(scratch, lipoArch);
      expect(run(LIPO, ['-thin', lipoArch, '-output', slice, fat]).status).toBe(0);
      expect(sameBytes(slice, fileOf(target(goarch)))).toBe(true);
    }
    // llvm-lipo's own universal binary of the same thin files holds the same bytes.
    const lipoFat = path.join(scratch, 'lipo-fat');
    const create = ['-create', fileOf(target('arm64')), fileOf(target('amd64')), '-output', lipoFat];
    expect(run(LIPO, create).status).toBe(0);
    expect(sameBytes(fat, lipoFat)).toBe(true);
    expect(universal.sizeBytes).toBe((await readFile(fat)).length);
  });

  it('gives each thin build its SBOM and the universal binary none, as its slices have theirs', async () => {
    expect((JSON.parse(result.outputs['sbom-files'] as string) as string[]).sort()).toEqual([
      'out/bin/hello_darwin_amd64.cdx.json',
      'out/bin/hello_darwin_arm64.cdx.json',
      'out/bin/hello_linux_amd64.cdx.json',
    ]);
    expect(target('universal').sbom).toBeUndefined();
    expect(await readdir(path.join(workspace, 'out/bin'))).not.toContain('hello_darwin_universal.cdx.json');
  });

  it('writes checksums.txt beside the binaries, sorted, which sha256sum -c passes in output-dir', async () => {
    const checksumsFile = result.outputs['checksums-file'] as string;
    expect(checksumsFile).toBe(path.join(workspace, 'out/bin/checksums.txt'));
    const lines = (await readFile(checksumsFile, 'utf8')).trimEnd().split('\n');
    expect(lines).toEqual(
      report.targets
        .map((t) => `${t.sha256}  ${path.basename(t.path)}`)
        .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)),
    );
    expect(lines.map((line) => line.slice(66))).toEqual([
      'hello_darwin_amd64',
      'hello_darwin_arm64',
      'hello_darwin_universal',
      'hello_linux_amd64',
    ]);
    const check = run('sha256sum', ['-c', 'checksums.txt'], path.dirname(checksumsFile));
    expect(check.status).toBe(0);
    expect(check.out.trim().split('\n')).toHaveLength(4);
    expect(check.out).toContain('hello_darwin_universal: OK');
  });

  it('compares the universal binary with a base report like any target', async () => {
    const mainGo = path.join(workspace, 'hello', 'main.go');
    await writeFile(
      mainGo,
      (await readFile(mainGo, 'utf8')) +
        '\nvar padding = [1 << 16]byte{1}\n\nfunc init() { _ = padding[len(os.Args)] }\n',
    );
    const second = await buildExample({
      'output-dir': 'out/head',
      'report-file': 'out/head.json',
      'base-report': 'out/report.json',
    });
    expect(second.success).toBe(true);
    const head = JSON.parse(await readFile(path.join(workspace, 'out/head.json'), 'utf8')) as Report;
    const delta = JSON.parse(second.outputs['size-delta'] as string) as SizeComparison;
    const row = delta.rows.find((r) => r.goarch === 'universal');
    const universalOf = (r: Report) => r.targets.find((t) => t.goarch === 'universal') as TargetResult;
    expect(row).toMatchObject({
      goos: 'darwin',
      status: 'changed',
      baseBytes: universalOf(report).sizeBytes,
      headBytes: universalOf(head).sizeBytes,
    });
    expect(second.outputs['comment-body']).toContain('darwin/universal');
  }, 600_000);
});
