// Parsing the targets input, and checking it against what the installed toolchain can build.
import { execFileSync } from 'node:child_process';
import {
  nearestPairs,
  parseDistList,
  parseTargets,
  targetEnv,
  targetName,
  validateTargets,
  variantVariable,
} from '../src/build/targets.js';
import { inputError } from '../test/support/input-error.js';

/** `go tool dist list` of the go on PATH: the list the action checks targets against. */
const distList = parseDistList(
  execFileSync('go', ['tool', 'dist', 'list'], {
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local' },
  }),
);

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
    expect(variantVariable('wasm')).toBeUndefined();
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
    expect(inputError(() => parseTargets('linux/wasm/1')).message).toMatch(/wasm has none/);
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
