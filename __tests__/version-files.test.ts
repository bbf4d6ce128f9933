import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseVersionFile, versionFileKind } from '../src/core/version/files.js';
import { satisfies } from '../src/core/version/resolve.js';
import { compareGoVersions, parseVersionSpec } from '../src/core/version/spec.js';
import { inputError } from '../test/support/input-error.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'version', 'files');

function fixture(dir: string, name: string): string {
  return readFileSync(path.join(FIXTURES, dir, name), 'utf8');
}

/**
 * What the real go command makes of a go.mod/go.work: the toolchain it would switch to with GOTOOLCHAIN=auto (run
 * with a floor of go1.1, so any requirement counts as newer; the download is refused offline, after go names it),
 * and whether its own parser accepts the file.
 */
interface GoVerdict {
  /** e.g. `go1.23.1`; `go1.1` (the floor) when the file requires nothing. */
  selected: string | undefined;
  /** go's own complaint while switching, e.g. an invalid toolchain. */
  switchError: string;
  parses: boolean;
}

const FLOOR = 'go1.1';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'version-files-'));
});
afterAll(() => {
  // go may still be writing its telemetry counters under HOME for a moment after it exits.
  rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

function askGo(dir: string, name: string): GoVerdict {
  const work = mkdtempSync(path.join(scratch, 'case-'));
  copyFileSync(path.join(FIXTURES, dir, name), path.join(work, name));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: scratch,
    GOENV: 'off',
    GOFLAGS: '',
    GOPROXY: 'off',
    GOTELEMETRY: 'off',
    GOMODCACHE: path.join(scratch, 'modcache'),
    GOCACHE: path.join(scratch, 'gocache'),
    GOWORK: name === 'go.work' ? '' : 'off',
  };
  const switched = spawnSync('go', ['env', 'GOVERSION'], {
    cwd: work,
    env: { ...env, GOTOOLCHAIN: `${FLOOR}+auto` },
    encoding: 'utf8',
  });
  const selected = /go: downloading (go\S+) \(/.exec(switched.stderr)?.[1];
  const edit = spawnSync('go', [name === 'go.work' ? 'work' : 'mod', 'edit', '-json'], {
    cwd: work,
    env: { ...env, GOTOOLCHAIN: 'local' },
    encoding: 'utf8',
  });
  return { selected, switchError: switched.stderr, parses: edit.status === 0 };
}

/** go.mod/go.work fixtures: what the parser answers, and how that stands to what go itself does. */
const MOD_CASES: {
  dir: string;
  name?: string;
  spec?: string;
  line: number;
  error?: RegExp;
  source?: RegExp;
  /**
   * same: go switches to exactly the spec's release. within: go's pick lies in the spec's range. nothing: go
   * switches to nothing (keeps its default). refuses: go's own parser rejects the file. fails: go fails to switch.
   */
  go: ('same' | 'within' | 'nothing' | 'refuses' | 'fails')[];
}[] = [
  { dir: 'go-patch', spec: '1.22.5', line: 3, go: ['same'] },
  { dir: 'go-language-1.21', spec: '1.21.0', line: 3, go: ['same'] },
  { dir: 'go-1.21.0', spec: '1.21.0', line: 3, go: ['same'] },
  { dir: 'go-language-1.25', spec: '1.25.0', line: 3, go: ['same'] },
  { dir: 'go-1.20', spec: '1.20.x', line: 3, go: ['within'] },
  { dir: 'go-1.16', spec: '1.16.x', line: 3, go: ['within'] },
  { dir: 'go-rc', spec: '1.23rc2', line: 3, go: ['same'] },
  { dir: 'toolchain-newer', spec: '1.23.1', line: 5, source: /line 5: toolchain go1\.23\.1$/, go: ['same'] },
  {
    dir: 'toolchain-older',
    spec: '1.22.5',
    line: 3,
    source: /line 3: go 1\.22\.5 \(toolchain go1\.21\.1 on line 5 is not newer, so go ignores it\)/,
    go: ['same'],
  },
  { dir: 'toolchain-equal', spec: '1.24.0', line: 3, go: ['same'] },
  // go keeps its default toolchain here; the action has no default toolchain, so the go line decides.
  {
    dir: 'toolchain-default',
    spec: '1.21.0',
    line: 3,
    source: /toolchain default on line 5/,
    go: ['nothing'],
  },
  { dir: 'toolchain-first', spec: '1.25.4', line: 1, go: ['same'] },
  { dir: 'toolchain-only', spec: '1.24.2', line: 3, go: ['same'] },
  { dir: 'toolchain-custom-suffix', spec: '1.22.1', line: 5, go: ['same'] },
  { dir: 'toolchain-rc', spec: '1.23rc1', line: 5, go: ['same'] },
  { dir: 'toolchain-language', line: 5, error: /names a language version.*go1\.21\.0/, go: ['fails'] },
  { dir: 'crlf-comments', spec: '1.23.4', line: 12, go: ['same'] },
  // go's switch reads past the byte order mark, its parser does not; the action reads it like the switch.
  { dir: 'bom', spec: '1.22.1', line: 3, go: ['same', 'refuses'] },
  { dir: 'replace-block', spec: '1.23.0', line: 3, go: ['same'] },
  { dir: 'no-go-line', line: 1, error: /has no go line.*go 1\.16.*"go 1\.25\.4"/, go: ['nothing'] },
  { dir: 'empty', line: 1, error: /is empty.*"go 1\.25\.4"/, go: ['nothing'] },
  { dir: 'blank', line: 1, error: /has no go line/, go: ['nothing'] },
  {
    dir: 'go-banana',
    line: 3,
    error: /line 3: "go banana" is not a valid Go version.*"go 1\.25\.4"/,
    go: ['refuses'],
  },
  { dir: 'go-block', line: 3, error: /line 3: a go directive cannot be a block/, go: ['refuses'] },
  {
    dir: 'go-repeated',
    line: 4,
    error: /line 4: repeated go directive \(first on line 3\)/,
    go: ['refuses'],
  },
  { dir: 'go-two-args', line: 3, error: /line 3: .*exactly one version/, go: ['refuses'] },
  // go's parser takes 1.21.0rc1, but its toolchain code does not (no pre-release of a patch), so go ignores it.
  { dir: 'go-patch-rc', line: 3, error: /"go 1\.21\.0rc1" is not a valid Go version/, go: ['nothing'] },
  {
    dir: 'toolchain-banana',
    line: 5,
    error: /"toolchain banana" does not name a Go toolchain/,
    go: ['refuses'],
  },
  { dir: 'work-toolchain', name: 'go.work', spec: '1.24.1', line: 3, go: ['same'] },
  { dir: 'work-go', name: 'go.work', spec: '1.24.0', line: 2, go: ['same'] },
  { dir: 'work-no-go', name: 'go.work', line: 1, error: /has no go line/, go: ['nothing'] },
];

describe('parseVersionFile on go.mod and go.work, pinned against the real go command', () => {
  it.each(MOD_CASES)('$dir', ({ dir, name = 'go.mod', spec, line, error, source, go }) => {
    const file = `${dir}/${name}`;
    const text = fixture(dir, name);
    let answer: string | undefined;
    if (error) {
      const problem = inputError(() => parseVersionFile(file, text));
      expect(problem.message).toMatch(error);
      expect(problem.input).toBe(file);
      expect(problem.location).toEqual({ file, line });
    } else {
      const requirement = parseVersionFile(file, text);
      expect(requirement.spec).toBe(spec);
      expect(requirement.location).toEqual({ file, line });
      expect(requirement.source).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')} line ${line}: `));
      if (source) expect(requirement.source).toMatch(source);
      answer = requirement.spec;
    }

    const verdict = askGo(dir, name);
    const selectedVersion = verdict.selected?.replace(/^go/, '').split('-')[0];
    for (const relation of go) {
      switch (relation) {
        case 'same':
          expect(selectedVersion).toBeDefined();
          expect(compareGoVersions(selectedVersion as string, parseExact(answer))).toBe(0);
          break;
        case 'within':
          expect(satisfies(selectedVersion as string, parseVersionSpec(answer as string, file))).toBe(true);
          break;
        case 'nothing':
          expect(verdict.selected).toBe(FLOOR);
          break;
        case 'refuses':
          expect(verdict.parses).toBe(false);
          break;
        case 'fails':
          expect(verdict.switchError).toMatch(/invalid toolchain/);
          break;
      }
    }
    if (!go.includes('refuses')) expect(verdict.parses).toBe(true);
  });
});

function parseExact(spec: string | undefined): string {
  const parsed = parseVersionSpec(spec ?? '', 'spec');
  if (parsed.kind !== 'exact') throw new Error(`${spec} is not an exact spec`);
  return parsed.version;
}

describe('parseVersionFile on .go-version and .tool-versions', () => {
  it.each([
    { dir: 'go-version-plain', spec: '1.22.5', line: 1 },
    { dir: 'go-version-prefix', spec: 'go1.25.4', line: 1 },
    { dir: 'go-version-comments', spec: '1.23rc2', line: 3 },
    { dir: 'go-version-minor', spec: '1.22', line: 1 },
    { dir: 'go-version-no-newline', spec: '1.24.13', line: 1 },
  ])('.go-version in $dir', ({ dir, spec, line }) => {
    const file = `${dir}/.go-version`;
    const requirement = parseVersionFile(file, fixture(dir, '.go-version'));
    expect(requirement).toEqual({ spec, source: `${file} line ${line}: ${spec}`, location: { file, line } });
    expect(() => parseVersionSpec(requirement.spec, file)).not.toThrow();
  });

  it.each([
    { dir: 'go-version-empty', line: 1, error: /holds no version.*1\.25\.4/ },
    {
      dir: 'go-version-two',
      line: 2,
      error: /line 2: a second version "1\.23\.1" \(the first is "1\.22\.5" on line 1\)/,
    },
    { dir: 'go-version-junk', line: 1, error: /line 1: "go banana" is not a Go version.*1\.25\.4/ },
  ])('.go-version in $dir is refused', ({ dir, line, error }) => {
    const file = `${dir}/.go-version`;
    const problem = inputError(() => parseVersionFile(file, fixture(dir, '.go-version')));
    expect(problem.message).toMatch(error);
    expect(problem.location).toEqual({ file, line });
  });

  it.each([
    { dir: 'tool-versions-asdf', spec: '1.22.5', line: 3, source: 'golang 1.22.5' },
    { dir: 'tool-versions-go', spec: '1.25.4', line: 1, source: 'go 1.25.4' },
  ])('.tool-versions in $dir: the first version of the golang line wins', ({ dir, spec, line, source }) => {
    const file = `${dir}/.tool-versions`;
    expect(parseVersionFile(file, fixture(dir, '.tool-versions'))).toEqual({
      spec,
      source: `${file} line ${line}: ${source}`,
      location: { file, line },
    });
  });

  it.each([
    { dir: 'tool-versions-missing', line: 1, error: /has no golang line.*"golang 1\.25\.4"/ },
    { dir: 'tool-versions-junk', line: 1, error: /line 1: "golang system" is not a Go version/ },
  ])('.tool-versions in $dir is refused', ({ dir, line, error }) => {
    const file = `${dir}/.tool-versions`;
    const problem = inputError(() => parseVersionFile(file, fixture(dir, '.tool-versions')));
    expect(problem.message).toMatch(error);
    expect(problem.input).toBe(file);
    expect(problem.location).toEqual({ file, line });
  });

  it('refuses a golang line without a version', () => {
    const problem = inputError(() => parseVersionFile('.tool-versions', 'nodejs 20.11.0\ngolang\n'));
    expect(problem.message).toMatch(/\.tool-versions line 2: "golang" is not a Go version/);
  });

  it('reads a missing file handed over as empty text as an empty file, whatever its kind', () => {
    for (const file of ['go.mod', 'go.work', '.go-version', '.tool-versions']) {
      expect(inputError(() => parseVersionFile(file, '')).location).toEqual({ file, line: 1 });
    }
  });
});

describe('versionFileKind', () => {
  it.each([
    ['go.mod', 'go.mod'],
    ['sub/dir/go.mod', 'go.mod'],
    ['C:\\repo\\tools.mod', 'go.mod'],
    ['go.work', 'go.work'],
    ['./ci/release.work', 'go.work'],
    ['.tool-versions', '.tool-versions'],
    ['repo/.tool-versions', '.tool-versions'],
    ['.go-version', '.go-version'],
    ['GO_VERSION', '.go-version'],
    ['go.mod.bak', '.go-version'],
  ])('%s is read as %s', (file, kind) => {
    expect(versionFileKind(file)).toBe(kind);
  });
});

describe('the go on PATH the pins are made with', () => {
  it('is a go command that switches toolchains (1.21 or later)', () => {
    const version = execFileSync('go', ['env', 'GOVERSION'], {
      encoding: 'utf8',
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    }).trim();
    expect(compareGoVersions(version.replace(/^go/, ''), '1.21.0')).toBeGreaterThanOrEqual(0);
  });
});
