import path from 'node:path';
import { InputError } from '../errors.js';

/** One package as `go list -e` sees it. */
export interface ListedPackage {
  /** The package clause's name (`main`); empty when go could not load the package. */
  name: string;
  importPath: string;
  /** Absolute directory; empty when there is none. */
  dir: string;
  /** Why go could not load it, when it could not. */
  error: string;
}

// Unit and record separators: go's messages may span lines, and directories may hold spaces.
const FIELD = '\x1f';
const RECORD = '\x1e';

/** Arguments for `go list` whose output {@link parseGoList} reads; the packages go after them. */
export const GO_LIST_ARGS = [
  'list',
  // Names and directories need no VCS stamp; without this go runs git (status, log, tags) on every listing.
  '-buildvcs=false',
  '-e',
  '-f',
  `{{.Name}}${FIELD}{{.ImportPath}}${FIELD}{{.Dir}}${FIELD}{{if .Error}}{{.Error}}{{end}}${RECORD}`,
];

export function parseGoList(output: string): ListedPackage[] {
  return output
    .split(RECORD)
    .map((record) => record.replace(/^\r?\n/, ''))
    .filter((record) => record.includes(FIELD))
    .map((record) => {
      const [name = '', importPath = '', dir = '', error = ''] = record.split(FIELD);
      return { name, importPath, dir, error: error.trim() };
    });
}

/**
 * Checks that every listed package is a main package, naming each one that is not (with the `packages` entry
 * that led to it) or that go could not load. `loadedFor` says which GOOS/GOARCH go listed them for, since build
 * constraints can hide every file of a package from one platform.
 */
export function checkMainPackages(
  listed: ListedPackage[],
  given: string[],
  workingDirectory: string,
  loadedFor: string,
  inputName = 'packages',
): void {
  const entryFor = (pkg: ListedPackage) =>
    given.find((entry) => path.resolve(workingDirectory, entry) === pkg.dir) ?? pkg.importPath;
  const describe = (pkg: ListedPackage) => {
    const entry = entryFor(pkg);
    return entry === pkg.importPath || pkg.importPath === '' ? entry : `${entry} (${pkg.importPath})`;
  };
  const unloadable = listed.filter((pkg) => pkg.error && !pkg.name);
  if (unloadable.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName}: go cannot load ${unloadable
        .map((pkg) => `${describe(pkg)}: ${pkg.error}`)
        .join('; ')} (listed for ${loadedFor})`,
      'name directories of main packages relative to working-directory, e.g. . or ./cmd/tool',
    );
  }
  const notMain = listed.filter((pkg) => pkg.name && pkg.name !== 'main');
  if (notMain.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} names ${notMain
        .map((pkg) => `${describe(pkg)}, which is package ${pkg.name}`)
        .join('; ')}, not package main`,
      'list only packages that build a program (package main with a func main), e.g. ./cmd/tool',
    );
  }
}

/**
 * The executable name `go build` gives a main package: the last element of its import path, or the one before
 * a major-version suffix (`example.com/tool/v2` builds `tool`), as cmd/go's DefaultExecName does.
 */
export function defaultExecName(importPath: string): string {
  const elements = importPath.split('/').filter(Boolean);
  const last = elements.at(-1) ?? '';
  const previous = elements.at(-2);
  return /^v([2-9]|[1-9]\d+)$/.test(last) && previous ? previous : last;
}

/** Each `packages` entry's executable name, from the import path go listed for its directory. */
export function binaryNames(
  listed: ListedPackage[],
  given: string[],
  workingDirectory: string,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const entry of given) {
    const pkg = listed.find((candidate) => candidate.dir === path.resolve(workingDirectory, entry));
    if (pkg?.importPath) names[entry] = defaultExecName(pkg.importPath);
  }
  return names;
}
