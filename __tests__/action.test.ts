// The bundled action, driven end to end through the local runner exactly as GitHub's runner drives it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction, type RunActionResult } from '../scripts/local-runner.js';
import { workspaceWithHello } from '../test/support/action-harness.js';
import { HOST, HOST_TARGET } from '../test/support/host.js';
import { expectValidReport } from '../test/support/report-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exampleGoVersion = /^go (\S+)$/m.exec(
  readFileSync(path.join(root, 'examples/hello/go.mod'), 'utf8'),
)?.[1] as string;

/** `file`'s own reading of a binary: an independent check of what the report claims. */
function describeWithFile(binary: string): string {
  return execFileSync('file', ['-b', binary], { encoding: 'utf8' }).trim();
}

describe('the action through the local runner', () => {
  let toolCache: string;
  let first: RunActionResult;
  let workspace: string;

  beforeAll(async () => {
    toolCache = await mkdtemp(path.join(os.tmpdir(), 'sga-toolcache-'));
    workspace = await workspaceWithHello();
    first = await runAction({
      actionDir: root,
      workspace,
      toolCache,
      inputs: {
        'working-directory': 'hello',
        'toolchain-source': 'goproxy',
        targets: 'darwin/arm64, darwin/amd64\nlinux/arm64 linux/amd64',
        'report-file': 'out/report.json',
      },
    });
  }, 600_000);

  it('installs the go.mod version, builds four targets and reports them from their own headers', async () => {
    const main = first.steps[0];
    expect(main?.stderr).toBe('');
    expect(first.success).toBe(true);
    expect(first.outputs['go-version']).toBe(exampleGoVersion);
    expect(first.outputs['native']).toBe('true');
    expect(first.outputs['rosetta']).toBe('false');
    expect(first.outputs['architecture']).toBe(HOST.goarch);
    expect(first.exportedEnv['GOTOOLCHAIN']).toBe('local');
    const goroot = first.outputs['go-root'] as string;
    expect(goroot).toBe(path.join(toolCache, 'go', exampleGoVersion, HOST.toolCacheArch));
    expect(first.addedPath).toContain(path.join(goroot, 'bin'));
    const goVersion = execFileSync(path.join(goroot, 'bin', 'go'), ['version'], { encoding: 'utf8' });
    expect(goVersion).toContain(`go${exampleGoVersion} ${HOST_TARGET}`);

    const reportFile = first.outputs['report-file'] as string;
    expect(reportFile).toBe(path.join(workspace, 'out/report.json'));
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    expect(JSON.parse(first.outputs['report'] as string)).toEqual(report);
    expect(report.schemaVersion).toBe(1);
    expectValidReport(report);
    expect(report.go).toMatchObject({
      version: exampleGoVersion,
      hostOs: HOST.goos,
      hostArch: HOST.goarch,
      native: true,
    });
    expect(report.targets).toHaveLength(4);

    const expectFile: Record<string, RegExp> = {
      'darwin/arm64': /^Mach-O 64-bit .*arm64/,
      'darwin/amd64': /^Mach-O 64-bit .*x86_64/,
      'linux/arm64': /^ELF 64-bit LSB executable, ARM aarch64/,
      'linux/amd64': /^ELF 64-bit LSB executable, x86-64/,
    };
    let total = 0;
    for (const target of report.targets) {
      const file = path.join(workspace, target.path);
      expect(describeWithFile(file)).toMatch(expectFile[`${target.goos}/${target.goarch}`] as RegExp);
      expect(target.arch).toBe(target.goarch);
      expect(target.format).toBe(target.goos === 'darwin' ? 'macho' : 'elf');
      expect(target.sizeBytes).toBe((await readFile(file)).length);
      expect(target.buildMs).toBeGreaterThan(0);
      expect(target.sha256).toMatch(/^[0-9a-f]{64}$/);
      total += target.sizeBytes;
    }
    expect(report.totals.sizeBytes).toBe(total);
    expect(first.outputs['total-size-bytes']).toBe(String(total));
    expect(JSON.parse(first.outputs['artifacts'] as string)).toEqual(
      report.targets.map((t: { path: string }) => t.path),
    );

    expect(first.summary).toContain(`### Go ${exampleGoVersion}`);
    expect(first.summary).toMatch(/\| darwin\/arm64 \| [\d.]+ MiB \| \d+ \|/);
    expect(first.summary).toContain('xychart-beta');
  });

  it('puts the installed go first on PATH for later steps', async () => {
    const result = await runAction({
      actionDir: root,
      workspace,
      toolCache,
      inputs: { 'working-directory': 'hello' },
      between: [{ name: 'go version', command: 'go', args: ['env', 'GOVERSION', 'GOTOOLCHAIN'] }],
    });
    expect(result.success).toBe(true);
    expect(result.steps[1]?.stdout.trim().split('\n')).toEqual([`go${exampleGoVersion}`, 'local']);
    // The second run of the same version is served by the tool cache, and says so.
    expect(result.steps[0]?.stdout).toMatch(/already in the tool cache/);
    expect(result.summary).toContain('| Source | tool cache |');
  });

  it('fails a bad go line with the file and line, and leaves the tool cache empty', async () => {
    const badWorkspace = await workspaceWithHello();
    const goMod = path.join(badWorkspace, 'hello', 'go.mod');
    await writeFile(goMod, (await readFile(goMod, 'utf8')).replace(/^go .*$/m, 'go banana'));
    const emptyCache = await mkdtemp(path.join(os.tmpdir(), 'sga-toolcache-'));
    const result = await runAction({
      actionDir: root,
      workspace: badWorkspace,
      toolCache: emptyCache,
      inputs: { 'working-directory': 'hello', targets: 'linux/amd64' },
    });
    expect(result.success).toBe(false);
    const error = result.steps[0]?.commands.find((c) => c.command === 'error' && c.properties.file);
    expect(error?.properties).toMatchObject({ file: 'hello/go.mod', line: '3' });
    expect(error?.message).toMatch(/banana/);
    expect(error?.message).toMatch(/go 1\.\d+\.\d+/);
    expect(await readdir(emptyCache)).toEqual([]);
  });
});
