// The library as a user gets it: `npm pack`, installed into a fresh project, imported by its package name.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', () => {
  let project: string;
  let packedFiles: string[];

  beforeAll(async () => {
    const packDir = await mkdtemp(path.join(os.tmpdir(), 'sga-pack-'));
    // prepack builds lib/ with declarations, as a publish would.
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = packed[0]!.files.map((f) => f.path);
    project = await mkdtemp(path.join(os.tmpdir(), 'sga-user-'));
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'user', version: '1.0.0', type: 'module' }),
    );
    npm(
      ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(packDir, packed[0]!.filename)],
      project,
    );
  }, 300_000);

  it('ships the library with declarations, the action bundle and the schema, and no sources or tests', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'lib/index.js',
        'lib/index.d.ts',
        'dist/setup/index.js',
        'action.yml',
        'schema/report.v1.schema.json',
      ]),
    );
    expect(packedFiles.filter((f) => f.startsWith('src/') || f.startsWith('__tests__/'))).toEqual([]);
    expect(packedFiles.some((f) => /^lib\/(main|post|comment-action)\./.test(f))).toBe(false);
  });

  it('works when imported by name from a fresh project', async () => {
    const goMod = await readFile(path.join(root, 'examples/hello/go.mod'), 'utf8');
    const binaryHead = path.join(root, '__tests__/fixtures/binary/go1.25.4.darwin-arm64.bin-go.head');
    const script = `
      import { readFileSync } from 'node:fs';
      import * as lib from 'setup-go-arm64';
      const requirement = lib.parseVersionFile('go.mod', ${JSON.stringify(goMod)});
      const spec = lib.parseVersionSpec(requirement.spec, 'go.mod');
      const targets = lib.parseTargets('darwin/arm64, linux/amd64');
      const jobs = lib.planBuilds({ workingDirectory: '/m/hello', packages: ['.'], targets, ldflags: '-s -w', trimpath: true,
        cgo: false, tags: [], extraFlags: [], outputDir: '/m/out', nameTemplate: '{name}_{goos}_{goarch}{ext}' });
      const header = lib.readBinaryHeader(readFileSync(${JSON.stringify(binaryHead)}));
      const machine = lib.machineArchitecture({ platform: 'darwin', processArch: 'x64', sysctlArm64: '1\\n', sysctlProcTranslated: '1\\n' });
      const proof = lib.proveNative({ requested: 'auto', machine, headerArch: header.arch, goHostArch: header.arch, goHostOs: 'darwin' });
      const t = (sizeBytes) => ({ goos: 'linux', goarch: 'amd64', package: '.', path: 'x', sizeBytes, buildMs: 1, sha256: '0'.repeat(64), format: 'elf', arch: 'amd64' });
      const report = (size) => lib.buildReport({ go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true }, commit: null,
        flags: { ldflags: '-s -w', trimpath: true, cgo: false }, targets: [t(size)], wallMs: 1 });
      const comparison = lib.compareReports(report(1000), report(1100));
      const verdict = lib.judge(comparison, { perTarget: lib.parseSizeLimit('5%', 'fail-on-size-increase') });
      let inputError;
      try { lib.parseTargets('linux'); } catch (error) { inputError = { isInputError: error instanceof lib.InputError, input: error.input }; }
      console.log(JSON.stringify({ spec, outputs: jobs.map((j) => j.output), header: [header.format, header.arch], machine: machine.machineArch,
        verdict: proof.verdict, regression: verdict.regression, delta: comparison.allTotals.deltaBytes, inputError }));
    `;
    await writeFile(path.join(project, 'use.mjs'), script);
    const result = JSON.parse(
      execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }),
    );
    expect(result.spec).toMatchObject({ kind: 'exact', version: '1.25.4' });
    expect(result.outputs).toEqual(['/m/out/hello_darwin_arm64', '/m/out/hello_linux_amd64']);
    expect(result.header).toEqual(['macho', 'arm64']);
    expect(result.machine).toBe('arm64');
    expect(result.verdict).toBe('ok');
    expect(result.regression).toBe(true);
    expect(result.delta).toBe(100);
    expect(result.inputError).toEqual({ isInputError: true, input: 'targets' });
  });

  it('can be required from CommonJS and carries its types', async () => {
    await writeFile(
      path.join(project, 'use.cjs'),
      "const lib = require('setup-go-arm64'); console.log(lib.targetName(lib.parseTargets('linux/arm/7')[0]));",
    );
    expect(execFileSync(process.execPath, ['use.cjs'], { cwd: project, encoding: 'utf8' }).trim()).toBe(
      'linux/arm/7',
    );
    const types = await readFile(path.join(project, 'node_modules/setup-go-arm64/lib/index.d.ts'), 'utf8');
    expect(types).toMatch(/export \{ compareReports/);
  });
});
