import path from 'node:path';
import { InputError } from '../errors.js';
import type { ListedPackage } from './packages.js';

/** Whether a `packages` entry is a go package pattern (`./cmd/...`, `./...`, `example.com/x/...`). */
export function isPackagePattern(entry: string): boolean {
  return entry.includes('...');
}

/** Whether an entry names directories relative to the module (`./x`, `../x`, `.`) rather than import paths. */
export function isRelativeEntry(entry: string): boolean {
  return entry === '.' || entry === '..' || entry.startsWith('./') || entry.startsWith('../');
}

/**
 * The directory a relative pattern's walk starts in, relative to the working directory: the part before the
 * first `...`, cut back to a whole directory (`./cmd/...` → `cmd`, `./cmd/age...` → `cmd`, `./...` → `.`).
 */
export function patternWalkRoot(pattern: string): string {
  const literal = pattern.slice(0, pattern.indexOf('...'));
  const root = literal.endsWith('/') ? literal : path.posix.dirname(literal);
  return path.posix.normalize(root.replace(/\/+$/, '') || '.');
}

/**
 * A matcher for directories relative to the working directory (`cmd/age`, `.` for the module's own), as cmd/go's
 * pattern matching works: `...` matches any string, and a trailing `/...` also matches the directory before it
 * (`./cmd/...` matches `cmd` and `cmd/age`).
 */
export function patternMatcher(pattern: string): (relativeDir: string) => boolean {
  const cleaned = path.posix.normalize(pattern);
  const escaped = cleaned
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const source = escaped.endsWith('/.*') ? `${escaped.slice(0, -3)}(/.*)?` : escaped;
  const matcher = new RegExp(`^${source}$`);
  return (relativeDir) => matcher.test(relativeDir === '' ? '.' : relativeDir);
}

/**
 * Whether go's `...` walk leaves a directory out, by its base name: `testdata`, and names starting with `.` or
 * `_` (cmd/go skips these; a directory holding its own go.mod, another module, is skipped by the caller).
 */
export function walkSkipsDirectory(name: string): boolean {
  return name === 'testdata' || name.startsWith('.') || name.startsWith('_');
}

/**
 * The name in a Go file's package clause, reading past comments (line and block) and white space the way the
 * language's first token would be found; undefined when the file does not start with a package clause.
 */
export function packageClauseName(source: string): string | undefined {
  let rest = source.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest.startsWith('//')) {
      const end = rest.indexOf('\n');
      rest = end < 0 ? '' : rest.slice(end + 1);
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      if (end < 0) return undefined;
      rest = rest.slice(end + 2);
    } else break;
  }
  return /^package\s+([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(rest)?.[1];
}

/** Whether go builds a file into the package (not a test, not ignored by its name). */
export function isBuildableGoFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('.') && !name.startsWith('_');
}

/** The error for a pattern that matches no main package, naming the input and the directories it looked at. */
export function noMainPackageError(pattern: string, where: string, inputName = 'packages'): InputError {
  return new InputError(
    inputName,
    `Input ${inputName} holds the pattern ${pattern}, which matches no main package (${where})`,
    'use a pattern that covers at least one package main, e.g. ./cmd/..., or name the package directories, e.g. ./cmd/tool',
  );
}

/**
 * The `packages` entry for a main package a pattern matched: its directory relative to the working directory
 * (`./cmd/age`) when it is inside it, else its import path.
 */
export function entryForPackage(pkg: ListedPackage, workingDirectory: string): string {
  const relative = path.relative(workingDirectory, pkg.dir);
  if (!pkg.dir || relative.startsWith('..') || path.isAbsolute(relative)) return pkg.importPath;
  return relative === '' ? '.' : `./${relative.split(path.sep).join('/')}`;
}

/**
 * The main packages a pattern matched, as `packages` entries, from `go list` of that pattern; non-main packages
 * the pattern also covers are left out (as `go build -o dir` leaves them out). Packages go could not load fail
 * here, naming them, and so does a pattern that matches no main package.
 */
export function expandPattern(
  pattern: string,
  listed: ListedPackage[],
  workingDirectory: string,
  loadedFor: string,
  inputName = 'packages',
): string[] {
  const unloadable = listed.filter((pkg) => pkg.error && !pkg.name);
  if (unloadable.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName}: go cannot load ${unloadable
        .map((pkg) => `${pkg.importPath || pattern}: ${pkg.error}`)
        .join('; ')} (matched by ${pattern}, listed for ${loadedFor})`,
      'fix those packages, or narrow the pattern to the commands, e.g. ./cmd/...',
    );
  }
  const mains = listed.filter((pkg) => pkg.name === 'main');
  if (mains.length === 0) {
    const others = listed.map((pkg) => `${pkg.importPath} is package ${pkg.name}`);
    throw noMainPackageError(
      pattern,
      `go lists ${others.length > 0 ? others.join(', ') : 'no package'} for ${loadedFor}`,
      inputName,
    );
  }
  return mains.map((pkg) => entryForPackage(pkg, workingDirectory));
}
