import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import semver from 'semver';
import { InputError } from '../src/core/errors.js';
import {
  compareGoVersions,
  goLanguageLine,
  goToSemver,
  isGoPrerelease,
  isLanguageVersion,
  isValidGoVersion,
  parseVersionSpec,
  semverToGo,
} from '../src/core/version/spec.js';

const GOVER = path.join(import.meta.dirname, 'fixtures', 'version', 'gover');

/** Go's own answers (go/version) for every pair of `versions`. */
function askGo(versions: string[]): { valid: boolean[]; compare: number[][] } {
  const output = execFileSync('go', ['run', 'main.go'], {
    cwd: GOVER,
    input: JSON.stringify(versions),
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off' },
  });
  return JSON.parse(output) as { valid: boolean[]; compare: number[][] };
}

describe('compareGoVersions and isValidGoVersion agree with go/version', () => {
  const listed = [
    '',
    'x',
    '1',
    '1.0',
    '1.0.0',
    '1.1',
    '1.5',
    '1.6',
    '1.6.1',
    '1.10',
    '1.19',
    '1.19.0',
    '1.19rc1',
    '1.19rc2',
    '1.19.1',
    '1.19alpha3',
    '1.19beta2',
    '1.20',
    '1.20.0',
    '1.20rc1',
    '1.20.14',
    '1.21',
    '1.21rc1',
    '1.21.0',
    '1.21.1',
    '1.21.10',
    '1.22',
    '1.25.4',
    '1.9.2rc2',
    '1.21.0rc1',
    '1.21rc',
    '1.999testmod',
    '1.99999999999999998',
    '1.99999999999999999',
    '01.2',
    '1.02',
    '1.2.03',
    '2.0.0',
    '1.',
    '1.2.',
    '1.2.3.4',
    '1.2rc1x',
    '1.2RC1',
  ];
  // Seeded, so a failure reproduces; shaped like versions so most are valid and near each other.
  const generated = fc.sample(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('1', '2'),
          fc.constantFrom('0', '2', '9', '20', '21', '22', '30', '02'),
          fc.constantFrom('', '.0', '.1', '.12', '.01'),
          fc.constantFrom('', 'rc1', 'rc2', 'beta1', 'alpha10', 'rc', 'rc01'),
        )
        .map(([major, minor, patch, pre]) => `${major}.${minor}${patch}${pre}`),
      fc.stringMatching(/^[0-9.a-z]{0,6}$/),
    ),
    { numRuns: 80, seed: 20_251_123 },
  );
  const versions = [...new Set([...listed, ...generated])];
  const go = askGo(versions);

  it('judges validity as go does', () => {
    expect(versions.map(isValidGoVersion)).toEqual(go.valid);
  });

  it('orders every pair as go does', () => {
    const ours = versions.map((x) => versions.map((y) => Math.sign(compareGoVersions(x, y))));
    expect(ours).toEqual(go.compare);
  });

  it('puts the language version below its pre-releases and first release', () => {
    const sorted = ['1.21.1', '1.21.0', '1.21rc1', '1.21', '1.20', '1.20rc1', '1.19.13'].sort(
      compareGoVersions,
    );
    expect(sorted).toEqual(['1.19.13', '1.20rc1', '1.20', '1.21', '1.21rc1', '1.21.0', '1.21.1']);
  });
});

describe('version predicates', () => {
  it.each([
    ['1.21', true, false, '1.21'],
    ['1.25', true, false, '1.25'],
    ['1.20', false, false, '1.20'],
    ['1.21.0', false, false, '1.21'],
    ['1.23rc2', false, true, '1.23'],
    ['1.19beta1', false, true, '1.19'],
    ['1.25.4', false, false, '1.25'],
  ])('%s: language version %s, pre-release %s, line %s', (version, language, prerelease, line) => {
    expect(isLanguageVersion(version)).toBe(language);
    expect(isGoPrerelease(version)).toBe(prerelease);
    expect(goLanguageLine(version)).toBe(line);
  });
});

describe('goToSemver and semverToGo', () => {
  it.each([
    ['1.25.4', '1.25.4', '1.25.4'],
    ['1.21.0', '1.21.0', '1.21.0'],
    ['1.23rc2', '1.23.0-rc.2', '1.23rc2'],
    ['1.21beta1', '1.21.0-beta.1', '1.21beta1'],
    ['1.19alpha3', '1.19.0-alpha.3', '1.19alpha3'],
    ['1.20', '1.20.0', '1.20'],
    ['1.9.2', '1.9.2', '1.9.2'],
    ['1', '1.0.0', '1'],
  ])('%s ⇄ %s', (go, sem, back) => {
    expect(goToSemver(go)).toBe(sem);
    expect(semverToGo(sem)).toBe(back);
  });

  it('maps a language version to its first release, and semver spellings Go uses back', () => {
    expect(goToSemver('1.21')).toBe('1.21.0');
    expect(semverToGo('1.23.0-rc2')).toBe('1.23rc2');
    expect(semverToGo('v1.22.5')).toBe('1.22.5');
  });

  it.each(['1.21.3-rc.1', '1.22.0-preview.1', '1.22.0+build.5', 'banana', '1.22'])(
    'semverToGo refuses %s',
    (v) => {
      expect(() => semverToGo(v)).toThrow();
    },
  );

  it.each(['banana', '', '1.2.3.4'])('goToSemver refuses %s', (v) => {
    expect(() => goToSemver(v)).toThrow(/Not a Go version/);
  });

  it('keeps the order of any two releases', () => {
    const release = fc
      .tuple(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.tuple(fc.constantFrom('alpha', 'beta', 'rc'), fc.integer({ min: 1, max: 5 }))),
      )
      .map(([minor, patch, pre]) =>
        pre
          ? `1.${minor}${pre[0]}${pre[1]}`
          : patch === 0 && minor < 21
            ? `1.${minor}`
            : `1.${minor}.${patch}`,
      );
    fc.assert(
      fc.property(release, release, (a, b) => {
        expect(Math.sign(semver.compare(goToSemver(a), goToSemver(b)))).toBe(
          Math.sign(compareGoVersions(a, b)),
        );
        expect(compareGoVersions(semverToGo(goToSemver(a)), a)).toBe(0);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('parseVersionSpec', () => {
  it.each([
    ['1.22.5', { kind: 'exact', version: '1.22.5' }],
    ['go1.22.5', { kind: 'exact', version: '1.22.5' }],
    ['go 1.22.5', { kind: 'exact', version: '1.22.5' }],
    [' \t1.22.5 \n', { kind: 'exact', version: '1.22.5' }],
    ['v1.22.5', { kind: 'exact', version: '1.22.5' }],
    ['1.21.0', { kind: 'exact', version: '1.21.0' }],
    ['1.20.0', { kind: 'exact', version: '1.20' }],
    ['1.23rc2', { kind: 'exact', version: '1.23rc2' }],
    ['go1.23rc2', { kind: 'exact', version: '1.23rc2' }],
    ['1.23.0-rc.2', { kind: 'exact', version: '1.23rc2' }],
    ['1.21beta1', { kind: 'exact', version: '1.21beta1' }],
    ['1.22.0-beta.1', { kind: 'exact', version: '1.22beta1' }],
    ['1.22', { kind: 'range', range: '1.22.x', includePrerelease: false }],
    ['go1.22', { kind: 'range', range: '1.22.x', includePrerelease: false }],
    ['1.21', { kind: 'range', range: '1.21.x', includePrerelease: false }],
    ['1.20', { kind: 'range', range: '1.20.x', includePrerelease: false }],
    ['1.22.x', { kind: 'range', range: '1.22.x', includePrerelease: false }],
    ['^1.21', { kind: 'range', range: '^1.21', includePrerelease: false }],
    ['>=1.21 <1.23', { kind: 'range', range: '>=1.21 <1.23', includePrerelease: false }],
    ['~1.22', { kind: 'range', range: '~1.22', includePrerelease: false }],
    ['1.22 || 1.24', { kind: 'range', range: '1.22 || 1.24', includePrerelease: false }],
    ['>=1.26.0-rc.1', { kind: 'range', range: '>=1.26.0-rc.1', includePrerelease: true }],
    ['*', { kind: 'range', range: '*', includePrerelease: false }],
    ['stable', { kind: 'alias', alias: 'stable' }],
    ['oldstable', { kind: 'alias', alias: 'oldstable' }],
    [' Stable ', { kind: 'alias', alias: 'stable' }],
  ])('%j', (input, expected) => {
    expect(parseVersionSpec(input, 'go-version')).toEqual({ ...expected, input: input.trim() });
  });

  it.each([
    ['', /go-version is empty/],
    ['   ', /go-version is empty/],
    ['banana', /go-version "banana" is not a Go version/],
    ['latest', /"latest" is not a Go version/],
    ['go', /"go" is not a Go version/],
    ['1.22.05', /"1\.22\.05"/],
    ['1.22.5.6', /"1\.22\.5\.6"/],
    ['1.21rc', /"1\.21rc"/],
    ['1.21.0rc1', /"1\.21\.0rc1"/],
    ['1.21.3-rc.1', /pre-releases look like 1\.23\.0-rc\.2/],
    ['1.22.0+build', /"1\.22\.0\+build"/],
    ['^1.21 garbage', /"\^1\.21 garbage"/],
  ])('refuses %j with the valid forms', (input, message) => {
    let caught: unknown;
    try {
      parseVersionSpec(input, 'go-version');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const problem = caught as InputError;
    expect(problem.input).toBe('go-version');
    expect(problem.message).toMatch(message);
    expect(problem.message).toMatch(/1\.25\.4.*1\.25\.x.*\^1\.24.*1\.26rc1.*stable \/ oldstable/);
  });
});
