import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../src/core/errors.js';
import { parseGoDevIndex, parseToolchainModuleList } from '../src/core/version/releases.js';
import { exactVersion, resolveVersion, satisfies, type Release } from '../src/core/version/resolve.js';
import { parseVersionSpec, type VersionSpec } from '../src/core/version/spec.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'version');
const goDev = parseGoDevIndex(readFileSync(path.join(FIXTURES, 'go-dev-index.json'), 'utf8'));
const proxy = parseToolchainModuleList(readFileSync(path.join(FIXTURES, 'proxy-toolchain-list.txt'), 'utf8'));

function resolve(input: string, releases: Release[], platform: string): string {
  const [os = '', arch = ''] = platform.split('/');
  return resolveVersion(parseVersionSpec(input, 'go-version'), releases, { os, arch }, 'go-version').version;
}

function refusal(input: string, releases: Release[], platform: string): InputError {
  try {
    resolve(input, releases, platform);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${input} resolved`);
}

describe('resolveVersion against the go.dev index fixture', () => {
  it.each([
    ['1.25.9', 'linux/arm64', '1.25.9'],
    ['go1.25.9', 'darwin/arm64', '1.25.9'],
    ['stable', 'linux/arm64', '1.26.1'],
    ['oldstable', 'linux/arm64', '1.25.9'],
    ['1.25', 'linux/arm64', '1.25.9'],
    ['1.25.x', 'linux/arm64', '1.25.9'],
    ['~1.24', 'linux/arm64', '1.24.13'],
    ['^1.21', 'linux/arm64', '1.26.1'],
    ['>=1.21 <1.25', 'linux/arm64', '1.24.13'],
    ['1.22 || 1.24', 'linux/arm64', '1.24.13'],
    ['1.26.x', 'linux/arm64', '1.26.1'],
    ['1.21', 'linux/amd64', '1.21.0'],
    ['1.21.0', 'linux/amd64', '1.21.0'],
    ['1.20', 'linux/amd64', '1.20.14'],
    ['1.20.0', 'linux/amd64', '1.20'],
    ['1.26rc1', 'linux/arm64', '1.26rc1'],
    ['1.26.0-rc.1', 'linux/arm64', '1.26rc1'],
    ['1.21rc2', 'darwin/arm64', '1.21rc2'],
    ['>=1.26.0-rc.1', 'linux/arm64', '1.26.1'],
    ['1.9.2', 'linux/amd64', '1.9.2'],
    ['stable', 'linux/loong64', '1.26.1'],
    ['oldstable', 'linux/loong64', '1.25.9'],
  ])('%s for %s → %s', (input, platform, expected) => {
    expect(resolve(input, goDev, platform)).toBe(expected);
  });

  it('returns the release with its files, for the caller to download and verify', () => {
    const release = resolveVersion(
      { kind: 'exact', version: '1.26.1' },
      goDev,
      { os: 'linux', arch: 'arm64' },
      'go',
    );
    expect(
      release.files.find((file) => file.os === 'linux' && file.arch === 'arm64' && file.kind === 'archive'),
    ).toEqual({
      filename: 'go1.26.1.linux-arm64.tar.gz',
      os: 'linux',
      arch: 'arm64',
      kind: 'archive',
      sha256: 'a290581cfe4fe28ddd737dde3095f3dbeb7f2e4065cab4eae44dfc53b760c2f7',
      size: 71_000_000,
    });
  });

  it.each([
    [
      '1.25.99',
      'linux/arm64',
      /go-version "1\.25\.99": the index has no Go 1\.25\.99/,
      /1\.25\.9, 1\.25\.8, 1\.25\.0/,
    ],
    [
      '1.25.8',
      'linux/loong64',
      /Go 1\.25\.8 has no download for linux\/loong64/,
      /newest that fit: 1\.25\.9$/,
    ],
    ['1.9.2', 'linux/arm64', /Go 1\.9\.2 has no download for linux\/arm64/, /1\.26\.1, 1\.26\.0, 1\.25\.9/],
    [
      '1.24',
      'linux/loong64',
      /go-version "1\.24" matches no Go release for linux\/loong64/,
      /1\.26\.1, 1\.25\.9/,
    ],
    ['^2', 'linux/arm64', /"\^2" matches no Go release/, /1\.26\.1, 1\.26\.0, 1\.25\.9, 1\.25\.8, 1\.25\.0$/],
    [
      'stable',
      'plan9/amd64',
      /no stable Go release for plan9\/amd64/,
      /No Go release in the index runs on plan9\/amd64/,
    ],
  ])('%s for %s is refused, naming the candidates', (input, platform, message, candidates) => {
    const problem = refusal(input, goDev, platform);
    expect(problem.input).toBe('go-version');
    expect(problem.message).toMatch(message);
    expect(problem.message.replace(/\.$/, '')).toMatch(candidates);
  });

  it('never picks a release the index marks unstable for a range or alias', () => {
    const withNewerRc: Release[] = [
      ...goDev,
      {
        version: '1.27rc1',
        stable: false,
        files: [{ filename: 'x', os: 'linux', arch: 'arm64', kind: 'archive' }],
      },
    ];
    expect(resolve('stable', withNewerRc, 'linux/arm64')).toBe('1.26.1');
    expect(resolve('^1.21', withNewerRc, 'linux/arm64')).toBe('1.26.1');
    expect(resolve('1.27rc1', withNewerRc, 'linux/arm64')).toBe('1.27rc1');
    // A range that names a pre-release admits them, with semver's rule: only that version's pre-releases.
    expect(resolve('>=1.27.0-rc.1', withNewerRc, 'linux/arm64')).toBe('1.27rc1');
    expect(() => resolve('>=1.26.2', withNewerRc, 'linux/arm64')).toThrow(InputError);
  });

  it('does not count installers or source archives as a way to run on a platform', () => {
    const installerOnly: Release[] = [
      {
        version: '1.26.1',
        stable: true,
        files: [
          { filename: 'go1.26.1.darwin-arm64.pkg', os: 'darwin', arch: 'arm64', kind: 'installer' },
          { filename: 'go1.26.1.src.tar.gz', os: '', arch: '', kind: 'source' },
        ],
      },
    ];
    expect(() => resolve('1.26.1', installerOnly, 'darwin/arm64')).toThrow(
      /has no download for darwin\/arm64/,
    );
  });
});

describe('resolveVersion against the real proxy toolchain list', () => {
  it.each([
    ['stable', 'linux/amd64', '1.27.4'],
    ['stable', 'linux/arm64', '1.27.3'],
    ['oldstable', 'linux/arm64', '1.26.10'],
    ['1.25', 'linux/arm64', '1.25.14'],
    ['1.20', 'linux/arm64', '1.20.14'],
    ['1.26rc1', 'linux/amd64', '1.26rc1'],
    ['stable', 'windows/amd64', '1.26.10'],
    ['oldstable', 'windows/amd64', '1.25.14'],
    ['~1.26.3', 'darwin/arm64', '1.26.10'],
    ['1.18beta1', 'linux/amd64', '1.18beta1'],
  ])('%s for %s → %s', (input, platform, expected) => {
    expect(resolve(input, proxy, platform)).toBe(expected);
  });

  it('refuses a release the proxy lists only for other platforms', () => {
    expect(refusal('1.26rc1', proxy, 'darwin/arm64').message).toMatch(
      /Go 1\.26rc1 has no download for darwin\/arm64.*1\.26\.10, 1\.26\.9, 1\.26\.8/,
    );
  });
});

describe('exactVersion', () => {
  it.each([
    ['1.25.4', '1.25.4'],
    ['go1.25.4', '1.25.4'],
    ['1.23rc2', '1.23rc2'],
    ['1.23.0-rc.2', '1.23rc2'],
    ['1.20.0', '1.20'],
    ['1.25', undefined],
    ['^1.21', undefined],
    ['stable', undefined],
  ])('%s → %s', (input, expected) => {
    expect(exactVersion(parseVersionSpec(input, 'go-version'))).toBe(expected);
  });
});

describe('satisfies', () => {
  const spec = (input: string): VersionSpec => parseVersionSpec(input, 'go-version');
  it.each([
    ['1.25.4', '1.25.4', true],
    ['go1.25.4', '1.25.4', true],
    ['1.25.3', '1.25.4', false],
    ['1.25.3', '1.25', true],
    ['1.25.3', '1.25.x', true],
    ['1.24.13', '1.25', false],
    ['1.23rc2', '1.23rc2', true],
    ['1.23.0-rc.2', '1.23rc2', true],
    ['1.23rc2', '1.23', false],
    ['1.23rc2', '^1.22', false],
    ['1.23.0-rc.2', '>=1.23.0-rc.1', true],
    ['1.20', '1.20.x', true],
    ['1.20.0', '1.20.0', true],
    ['1.26.1', '>=1.21 <1.27', true],
    ['1.27.0', '>=1.21 <1.27', false],
    ['1.26.1', 'stable', false],
    ['1.25.9', 'oldstable', false],
    ['banana', '1.25', false],
  ])('%s satisfies %s: %s', (version, input, expected) => {
    expect(satisfies(version, spec(input))).toBe(expected);
  });
});
