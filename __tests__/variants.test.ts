// Variant levels end to end: examples/hello cross-built through the bundled action for a level of every variable
// family, each binary's own build info read back by tools that share no code with the action (`go version -m`;
// for WebAssembly, which `go version -m` cannot read, `strings`), and levels an older toolchain refuses, refused
// before anything builds.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runAction, type RunActionResult } from '../scripts/local-runner.js';
import type { Report, TargetResult } from '../src/core/report/report.js';
import { localGo, SHARED_GOCACHE, toolCacheWithLocalGo, type LocalGo } from './fixtures/builds/go-modules.js';
import {
  messagesOf,
  REPO_ROOT,
  UNSET_MACHINE_ENV,
  workspaceWithHello,
} from '../test/support/action-harness.js';
import { expectValidReport } from '../test/support/report-schema.js';

/** One level of every family; arm64 twice, so two variants of one architecture must get names of their own. */
const FAMILIES: [target: string, setting: string][] = [
  ['linux/arm/7,softfloat', 'GOARM=7,softfloat'],
  ['linux/arm64/v8.2,lse', 'GOARM64=v8.2,lse'],
  ['linux/arm64/v9.0', 'GOARM64=v9.0'],
  ['linux/amd64/v3', 'GOAMD64=v3'],
  ['linux/386/softfloat', 'GO386=softfloat'],
  ['linux/mips/softfloat', 'GOMIPS=softfloat'],
  ['linux/mips64le/hardfloat', 'GOMIPS64=hardfloat'],
  ['linux/ppc64le/power10', 'GOPPC64=power10'],
  ['linux/riscv64/rva22u64', 'GORISCV64=rva22u64'],
  ['js/wasm/satconv,signext', 'GOWASM=satconv,signext'],
  ['wasip1/wasm/signext', 'GOWASM=signext'],
];

const nameOf = (t: TargetResult) => [t.goos, t.goarch, t.variant].filter(Boolean).join('/');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The run's last error that is not a file annotation: why the step failed. */
const failureOf = (result: RunActionResult) => messagesOf(result, 'error').pop() ?? '';

describe('every variant family, built for real', () => {
  let go: LocalGo;
  let workspace: string;
  let result: RunActionResult;
  let report: Report;
  const fileOf = (target: string) => {
    const found = report.targets.find((t) => nameOf(t) === target);
    if (!found) throw new Error(`no ${target} in the report`);
    return path.join(workspace, found.path);
  };

  beforeAll(async () => {
    go = await localGo();
    workspace = await workspaceWithHello('sga-variants-');
    result = await runAction({
      actionDir: REPO_ROOT,
      workspace,
      toolCache: await toolCacheWithLocalGo(go),
      skipPost: true,
      env: { ...UNSET_MACHINE_ENV, GOCACHE: SHARED_GOCACHE, GOTOOLCHAIN: 'local' },
      inputs: {
        'go-version': go.version,
        'working-directory': 'hello',
        targets: `linux/arm64 ${FAMILIES.map(([target]) => target).join(' ')}`,
        'report-file': 'report.json',
        sbom: 'true',
      },
    });
    report = JSON.parse(await readFile(path.join(workspace, 'report.json'), 'utf8')) as Report;
  }, 900_000);

  it('reports each target with its variant, under a name of its own', () => {
    expect(failureOf(result)).toBe('');
    expect(result.success).toBe(true);
    expectValidReport(report);
    const rows = report.targets.map((t) => [nameOf(t), t.variant, t.path, t.format, t.arch]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['linux/arm64', undefined, 'hello/dist/hello_linux_arm64', 'elf', 'arm64'],
        ['linux/arm64/v8.2,lse', 'v8.2,lse', 'hello/dist/hello_linux_arm64_v8.2,lse', 'elf', 'arm64'],
        ['linux/arm64/v9.0', 'v9.0', 'hello/dist/hello_linux_arm64_v9.0', 'elf', 'arm64'],
        ['linux/arm/7,softfloat', '7,softfloat', 'hello/dist/hello_linux_arm_7,softfloat', 'elf', 'arm'],
        [
          'js/wasm/satconv,signext',
          'satconv,signext',
          'hello/dist/hello_js_wasm_satconv,signext.wasm',
          'wasm',
          'wasm',
        ],
        ['wasip1/wasm/signext', 'signext', 'hello/dist/hello_wasip1_wasm_signext.wasm', 'wasm', 'wasm'],
      ]),
    );
    expect(report.targets.map(nameOf).sort()).toEqual(
      ['linux/arm64', ...FAMILIES.map(([target]) => target)].sort(),
    );
    expect(new Set(report.targets.map((t) => t.path)).size).toBe(report.targets.length);
  });

  it("shows each level in the binary's own build info", () => {
    for (const [target, setting] of FAMILIES) {
      const file = fileOf(target);
      const buildInfo = target.includes('/wasm/')
        ? execFileSync('strings', ['-n', '8', file], { encoding: 'utf8' })
        : execFileSync(go.goBinary, ['version', '-m', file], { encoding: 'utf8' });
      expect({
        target,
        settings: buildInfo.match(/^\s*build\s+GO[A-Z0-9]+=.*$/gm)?.map((s) => s.trim()),
      }).toEqual({
        target,
        settings: expect.arrayContaining([
          expect.stringMatching(new RegExp(`^build\\s+${setting.replace('.', '\\.')}$`)),
        ]),
      });
    }
  });

  it("reads the same level from each binary's build info itself: each SBOM's build settings", async () => {
    for (const [target, setting] of FAMILIES) {
      const sbom = JSON.parse(await readFile(`${fileOf(target)}.cdx.json`, 'utf8')) as {
        metadata: { component: { properties?: { name: string; value: string }[] } };
      };
      const [variable, value] = setting.split('=') as [string, string];
      const properties = sbom.metadata.component.properties ?? [];
      expect({ target, value: properties.find((p) => p.name.endsWith(`:build:${variable}`))?.value }).toEqual(
        {
          target,
          value,
        },
      );
    }
  });

  it('writes files the platforms read as theirs: file(1) on each, and go running the js/wasm build', () => {
    expect(execFileSync('file', ['-b', fileOf('linux/riscv64/rva22u64')], { encoding: 'utf8' })).toMatch(
      /^ELF 64-bit LSB executable, UCB RISC-V/,
    );
    expect(execFileSync('file', ['-b', fileOf('linux/mips/softfloat')], { encoding: 'utf8' })).toMatch(
      /^ELF 32-bit MSB executable, MIPS/,
    );
    for (const target of ['js/wasm/satconv,signext', 'wasip1/wasm/signext']) {
      expect(execFileSync('file', ['-b', fileOf(target)], { encoding: 'utf8' })).toMatch(
        /^WebAssembly \(wasm\)/,
      );
    }
    const run = spawnSync(
      'node',
      [path.join(go.goroot, 'lib/wasm/wasm_exec_node.js'), fileOf('js/wasm/satconv,signext'), 'gopher'],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toMatch(/^Hello, gopher! \(greeting 1 of 1, run [0-9a-f-]{36}\)\n$/);
  });
});

describe('levels an older toolchain refuses', () => {
  it('fails before anything builds, naming each target, what go said and the fix', async () => {
    const workspace = await workspaceWithHello('sga-variants-old-');
    const result = await runAction({
      actionDir: REPO_ROOT,
      workspace,
      toolCache: path.join(workspace, 'toolcache'),
      skipPost: true,
      env: UNSET_MACHINE_ENV,
      inputs: {
        'go-version': '1.21.13',
        'toolchain-source': 'goproxy',
        'working-directory': 'hello',
        targets: 'linux/amd64/v3 linux/arm64/v8.2,lse linux/arm/7,softfloat linux/arm/7',
      },
    });
    expect(result.success).toBe(false);
    expect(failureOf(result)).toBe(
      'Target linux/arm64/v8.2,lse in targets sets GOARM64=v8.2,lse, but go1.21.13 does not know GOARM64: it ' +
        'would ignore it and build for its default level; Target linux/arm/7,softfloat in targets sets ' +
        'GOARM=7,softfloat, which the installed Go toolchain rejects: invalid GOARM: must be 5, 6, 7. Use a level ' +
        'this Go accepts, set go-version to a Go that has the level, or drop the variant (e.g. linux/arm64).',
    );
    expect(await exists(path.join(workspace, 'hello', 'dist'))).toBe(false);
  }, 600_000);
});
