// Package patterns in `packages`: how a pattern is matched and walked (checked against the real `go list` on a
// module with mains, a library, testdata, an underscore directory and a nested module), and how go list's
// answer becomes one build per main package.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GO_LIST_ARGS, parseGoList } from '../src/core/build/packages.js';
import {
  entryForPackage,
  expandPattern,
  isPackagePattern,
  packageClauseName,
  patternMatcher,
  patternWalkRoot,
} from '../src/core/build/patterns.js';
import { inputError } from '../test/support/input-error.js';
import { buildTestEnv, tempModule } from './fixtures/builds/go-modules.js';

const MODULE = {
  'go.mod': 'module example.com/tools\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'cmd/age/main.go': '// Command age.\npackage main\n\nfunc main() {}\n',
  'cmd/age-keygen/main.go': '/* keygen\n */\n\npackage main\n\nfunc main() {}\n',
  'cmd/internal/flags/flags.go': 'package flags\n',
  'cmd/testdata/fake/main.go': 'package main\n\nfunc main() {}\n',
  'cmd/_old/main.go': 'package main\n\nfunc main() {}\n',
  'cmd/nested/go.mod': 'module example.com/nested\n\ngo 1.22\n',
  'cmd/nested/main.go': 'package main\n\nfunc main() {}\n',
  'internal/lib/lib.go': 'package lib\n',
};

/** The directories (relative, `.` for the module) that the real go lists for a pattern. */
function goListDirs(moduleDir: string, pattern: string): string[] {
  const out = execFileSync('go', ['list', '-f', '{{.Dir}}', pattern], {
    cwd: moduleDir,
    env: buildTestEnv(),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((dir) => path.relative(moduleDir, dir) || '.')
    .sort();
}

describe('package patterns', () => {
  it('tells patterns from package directories', () => {
    expect(['./cmd/...', './...', 'example.com/x/...', './cmd/age...'].every(isPackagePattern)).toBe(true);
    expect(['.', './cmd/age', 'example.com/x'].some(isPackagePattern)).toBe(false);
  });

  it('walks from the literal directory before the first ...', () => {
    expect(['./cmd/...', './...', './cmd/age...', './a/b/.../c'].map(patternWalkRoot)).toEqual([
      'cmd',
      '.',
      'cmd',
      'a/b',
    ]);
  });

  it('matches the directories the real go lists for each pattern', async () => {
    const moduleDir = await tempModule(MODULE);
    // Every directory of the module that holds Go files and that go's walk enters.
    const dirs = ['.', 'cmd/age', 'cmd/age-keygen', 'cmd/internal/flags', 'internal/lib'];
    for (const pattern of ['./cmd/...', './...', './cmd/age...', './internal/...']) {
      const matches = patternMatcher(pattern);
      expect(dirs.filter(matches).sort()).toEqual(goListDirs(moduleDir, pattern));
    }
  });

  it('reads the package clause past comments', () => {
    expect(packageClauseName(MODULE['cmd/age/main.go'])).toBe('main');
    expect(packageClauseName(MODULE['cmd/age-keygen/main.go'])).toBe('main');
    expect(packageClauseName('\uFEFF//go:build linux\n\npackage flags // x\n')).toBe('flags');
    expect(packageClauseName('/* never closed\npackage main\n')).toBeUndefined();
    expect(packageClauseName('func main() {}\n')).toBeUndefined();
  });

  it("expands ./cmd/... to go list's main packages, leaving the library out", async () => {
    const moduleDir = await tempModule(MODULE);
    const listed = parseGoList(
      execFileSync('go', [...GO_LIST_ARGS, './cmd/...'], {
        cwd: moduleDir,
        env: buildTestEnv(),
        encoding: 'utf8',
      }),
    );
    expect(listed.map((pkg) => pkg.importPath).sort()).toEqual([
      'example.com/tools/cmd/age',
      'example.com/tools/cmd/age-keygen',
      'example.com/tools/cmd/internal/flags',
    ]);
    expect(expandPattern('./cmd/...', listed, moduleDir, 'linux/amd64').sort()).toEqual([
      './cmd/age',
      './cmd/age-keygen',
    ]);
    expect(
      entryForPackage(
        { name: 'main', importPath: 'example.com/tools', dir: moduleDir, error: '' },
        moduleDir,
      ),
    ).toBe('.');
  });

  it('fails a pattern with no main package, naming the input, the pattern and what go listed', async () => {
    const moduleDir = await tempModule(MODULE);
    const listed = parseGoList(
      execFileSync('go', [...GO_LIST_ARGS, './internal/...'], {
        cwd: moduleDir,
        env: buildTestEnv(),
        encoding: 'utf8',
      }),
    );
    const error = inputError(() => expandPattern('./internal/...', listed, moduleDir, 'linux/amd64'));
    expect(error.input).toBe('packages');
    expect(error.message).toContain('./internal/..., which matches no main package');
    expect(error.message).toContain('example.com/tools/internal/lib is package lib');
    expect(inputError(() => expandPattern('./none/...', [], moduleDir, 'linux/amd64')).message).toContain(
      'go lists no package for linux/amd64',
    );
  });
});
