// Parsing the targets input, and checking it against what the installed toolchain can build.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  checkVariantAnswers,
  nearestPairs,
  parseDistList,
  parseTargets,
  targetEnv,
  targetName,
  validateTargets,
  variantProbeCommand,
  variantProbes,
  variantVariable,
  type VariantProbe,
} from '../src/core/build/targets.js';
import { checkVariantsWithToolchain } from '../src/phases/check-variants.js';
import { inputError } from '../test/support/input-error.js';

/** `go tool dist list` of the go on PATH: the list the action checks targets against. */
const distList = parseDistList(
  execFileSync('go', ['tool', 'dist', 'list'], {
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local' },
  }),
);

/** Levels of every variable family, each as Go's current rules allow it. */
const EVERY_FAMILY = [
  'linux/arm/5 linux/arm/6,hardfloat linux/arm/7,softfloat',
  'linux/arm64/v8.0 linux/arm64/v8.9,crypto linux/arm64/v9.5,crypto,lse',
  'linux/amd64/v1 linux/amd64/v4 linux/386/sse2 linux/386/softfloat',
  'linux/mips/hardfloat linux/mipsle/softfloat linux/mips64/hardfloat linux/mips64le/softfloat',
  'linux/ppc64/power8 linux/ppc64le/power10 linux/riscv64/rva20u64 linux/riscv64/rva23u64',
  'js/wasm/satconv wasip1/wasm/signext,satconv',
].join(' ');

/** The go on PATH as the action runs it. */
const localGo = { goBinary: 'go', cwd: process.cwd(), env: { ...process.env, GOTOOLCHAIN: 'local' } };

describe('parseTargets', () => {
  it('reads pairs and variants separated by any mix of spaces, commas and newlines', () => {
    const targets = parseTargets(
      'darwin/arm64, linux/amd64\n  linux/arm/6,,windows/amd64/v3\tlinux/386/sse2',
    );
    expect(targets.map(targetName)).toEqual([
      'darwin/arm64',
      'linux/amd64',
      'linux/arm/6',
      'windows/amd64/v3',
      'linux/386/sse2',
    ]);
    expect(parseTargets('  \n ')).toEqual([]);
  });

  it('sets the variant variable of each architecture', () => {
    expect(targetEnv(parseTargets('linux/arm/6')[0]!)).toEqual({ GOOS: 'linux', GOARCH: 'arm', GOARM: '6' });
    expect(targetEnv(parseTargets('linux/amd64/v3')[0]!)).toEqual({
      GOOS: 'linux',
      GOARCH: 'amd64',
      GOAMD64: 'v3',
    });
    expect(targetEnv(parseTargets('darwin/arm64')[0]!)).toEqual({ GOOS: 'darwin', GOARCH: 'arm64' });
    expect(variantVariable('arm')).toBe('GOARM');
    expect(variantVariable('wasm')).toBe('GOWASM');
    expect(variantVariable('s390x')).toBeUndefined();
  });

  it("keeps a variant's comma-joined options with it, whatever separates the targets around it", () => {
    const targets = parseTargets(
      'linux/arm/7,softfloat,linux/arm64/v8.2,lse,crypto js/wasm/satconv,signext,\nwasip1/wasm/signext,,linux/mips/softfloat',
    );
    expect(Object.fromEntries(targets.map((target) => [targetName(target), targetEnv(target)]))).toEqual({
      'linux/arm/7,softfloat': { GOOS: 'linux', GOARCH: 'arm', GOARM: '7,softfloat' },
      'linux/arm64/v8.2,lse,crypto': { GOOS: 'linux', GOARCH: 'arm64', GOARM64: 'v8.2,lse,crypto' },
      'js/wasm/satconv,signext': { GOOS: 'js', GOARCH: 'wasm', GOWASM: 'satconv,signext' },
      'wasip1/wasm/signext': { GOOS: 'wasip1', GOARCH: 'wasm', GOWASM: 'signext' },
      'linux/mips/softfloat': { GOOS: 'linux', GOARCH: 'mips', GOMIPS: 'softfloat' },
    });
    expect(targets).toHaveLength(5);
  });

  it("takes every level of every variable family by Go's rules, and refuses what Go would", () => {
    expect(parseTargets(EVERY_FAMILY)).toHaveLength(20);
    for (const [word, variable] of [
      ['linux/arm/7,vfp', 'GOARM'],
      ['linux/arm64/v8.10', 'GOARM64'],
      ['linux/arm64/v9.6', 'GOARM64'],
      ['linux/arm64/v8.2,sve', 'GOARM64'],
      ['linux/amd64/v5', 'GOAMD64'],
      ['linux/386/387', 'GO386'],
      ['linux/mips64/soft', 'GOMIPS64'],
      ['linux/ppc64le/power11', 'GOPPC64'],
      ['linux/riscv64/rva24u64', 'GORISCV64'],
      ['js/wasm/simd', 'GOWASM'],
    ] as const) {
      const error = inputError(() => parseTargets(word));
      expect(error.input).toBe('targets');
      expect(error.message).toContain(`Target ${word} in targets has an unknown ${variable} level`);
    }
  });

  it('refuses duplicates, malformed words and variant levels Go does not have, naming the input', () => {
    const duplicate = inputError(() => parseTargets('linux/amd64 darwin/arm64 linux/amd64'));
    expect(duplicate.input).toBe('targets');
    expect(duplicate.message).toMatch(/linux\/amd64 is listed twice/);
    expect(inputError(() => parseTargets('linux')).message).toMatch(
      /"linux" in targets is not an os\/arch pair/,
    );
    expect(inputError(() => parseTargets('linux/arm/9')).message).toMatch(
      /unknown GOARM level "9".*linux\/arm\/7/,
    );
    expect(inputError(() => parseTargets('linux/s390x/1')).message).toMatch(/s390x has none/);
    // Spaces end a target: an option after one is a word of its own, and the fix says how to join it.
    expect(inputError(() => parseTargets('linux/arm64/v8.2, lse')).message).toMatch(
      /"lse" in targets is not an os\/arch pair.*e\.g\. linux\/arm64\/v8\.2,lse/,
    );
  });
});

describe('validateTargets against `go tool dist list`', () => {
  it('reads the real list', () => {
    expect(distList.length).toBeGreaterThan(40);
    for (const pair of [
      'linux/amd64',
      'linux/arm64',
      'darwin/arm64',
      'darwin/amd64',
      'windows/amd64',
      'linux/arm',
    ])
      expect(distList).toContain(pair);
  });

  it('accepts every pair of the list, with or without a variant', () => {
    expect(() => validateTargets(parseTargets(distList.join(' ')), distList)).not.toThrow();
    expect(() => validateTargets(parseTargets('linux/arm/6 linux/amd64/v3'), distList)).not.toThrow();
  });

  it('names an unknown pair and the nearest pairs the toolchain knows', () => {
    const error = inputError(() => validateTargets(parseTargets('linux/amd64 linux/amd46'), distList));
    expect(error.input).toBe('targets');
    expect(error.message).toMatch(
      /^Target linux\/amd46 in targets is not a platform this Go toolchain can build for/,
    );
    expect(error.message).toMatch(/Use a pair that `go tool dist list` prints: did you mean linux\/amd64, /);
  });

  it('translates other tools’ spellings first, and lists every unknown target in one error', () => {
    const error = inputError(() =>
      validateTargets(parseTargets('linux/aarch64 darwn/arm64 linux/x86_64 macos/arm64'), distList),
    );
    expect(error.message).toMatch(
      /^Targets linux\/aarch64, darwn\/arm64, linux\/x86_64, macos\/arm64 in targets are/,
    );
    expect(error.message).toMatch(/instead of linux\/aarch64, did you mean linux\/arm64,/);
    expect(error.message).toMatch(/instead of darwn\/arm64, did you mean darwin\/arm64,/);
    expect(error.message).toMatch(/instead of linux\/x86_64, did you mean linux\/amd64,/);
    expect(error.message).toMatch(/instead of macos\/arm64, did you mean darwin\/arm64,/);
  });

  it('orders near matches by edit distance, nearest first', () => {
    const near = nearestPairs({ goos: 'linux', goarch: 'arm65' }, distList, 3);
    expect(near[0]).toBe('linux/arm64');
    expect(near).toHaveLength(3);
    expect(near.every((pair) => distList.includes(pair))).toBe(true);
  });
});

describe('variant levels against the installed go', () => {
  it('asks once per architecture and level, naming every target that asks for it', () => {
    const probes = variantProbes(parseTargets('linux/arm64/v8.2 android/arm64/v8.2 linux/arm64 linux/arm/7'));
    expect(probes).toEqual([
      {
        goos: 'linux',
        goarch: 'arm64',
        variable: 'GOARM64',
        value: 'v8.2',
        targets: ['linux/arm64/v8.2', 'android/arm64/v8.2'],
      },
      { goos: 'linux', goarch: 'arm', variable: 'GOARM', value: '7', targets: ['linux/arm/7'] },
    ]);
    expect(variantProbes(parseTargets('linux/amd64 darwin/arm64'))).toEqual([]);
  });

  it('finds every level of every family taken by the go on PATH', async () => {
    await expect(checkVariantsWithToolchain(parseTargets(EVERY_FAMILY), localGo)).resolves.toBeUndefined();
  });

  it("fails with go's own words on a level go rejects, naming each target and the fix", () => {
    // Levels Go's rules may gain one day, past what parseTargets lets through today.
    const probe = (goarch: string, variable: string, value: string): VariantProbe => ({
      goos: 'linux',
      goarch,
      variable,
      value,
      targets: [`linux/${goarch}/${value}`],
    });
    const targets = [probe('riscv64', 'GORISCV64', 'rva24u64'), probe('arm64', 'GOARM64', 'v9.6')];
    const answers = targets.map((p) => {
      const { args, env } = variantProbeCommand(p);
      const run = spawnSync('go', args, { encoding: 'utf8', env: { ...localGo.env, ...env } });
      return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
    });
    const error = inputError(() => checkVariantAnswers(targets, answers));
    expect(error.input).toBe('targets');
    expect(error.message).toBe(
      'Target linux/riscv64/rva24u64 in targets sets GORISCV64=rva24u64, which the installed Go toolchain rejects: ' +
        'invalid GORISCV64: must be rva20u64, rva22u64, rva23u64; ' +
        'Target linux/arm64/v9.6 in targets sets GOARM64=v9.6, which the installed Go toolchain rejects: ' +
        'invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in ",lse" and/or ",crypto". ' +
        'Use a level this Go accepts, set go-version to a Go that has the level, or drop the variant (e.g. linux/riscv64).',
    );
  });
});
