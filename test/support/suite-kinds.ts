// Which test suites are unit suites, decided by what they can do rather than by a list: a suite is a unit suite
// when nothing it imports, followed through every module of this repository it reaches (src/, scripts/,
// test/support/, the fixtures), can start a process, open a socket, write a file, or load a package not known
// to be pure. Reading files (fixtures, the README) is allowed. jest.config.js puts every other suite in the
// integration project, so a new test lands in the right one by itself; `npx tsx test/support/suite-kinds.ts`
// prints each suite's kind and, for an integration suite, the import chain that makes it one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Node's modules that reach outside the process: other processes, sockets, servers, threads, the debugger. */
const OUTSIDE_WORLD_BUILTINS = new Set([
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'http',
  'http2',
  'https',
  'inspector',
  'net',
  'tls',
  'worker_threads',
]);

/** What a unit suite may take from `fs` and `fs/promises`: reading. Anything else (or the whole module) writes. */
const FS_READS = new Set([
  'access',
  'accessSync',
  'constants',
  'createReadStream',
  'existsSync',
  'lstat',
  'lstatSync',
  'readdir',
  'readdirSync',
  'readFile',
  'readFileSync',
  'readlink',
  'readlinkSync',
  'realpath',
  'realpathSync',
  'stat',
  'statSync',
]);

/**
 * Packages that compute and nothing else (typescript for its parser); any package not named here makes a suite an
 * integration suite.
 */
const PURE_PACKAGES = new Set([
  '@jest/globals',
  'fast-check',
  'packageurl-js',
  'semver',
  'typescript',
  'yaml',
]);

export type SuiteKind = 'unit' | 'integration';

export interface SuiteVerdict {
  kind: SuiteKind;
  /** For an integration suite: the modules from the suite to what reaches outside, then that import. */
  chain: string[];
}

/** What importsOf gives for `import(name)` of a computed name, which cannot be followed. */
const COMPUTED_IMPORT = '(computed)';

/** One import of a module: what it names, and which bindings (undefined: all of them, or unknown). */
interface ModuleImport {
  specifier: string;
  names?: string[];
}

/** One runtime import declaration's bindings: undefined for a default or namespace import (the whole module). */
function namedBindings(declaration: ts.ImportDeclaration): string[] | undefined {
  const clause = declaration.importClause;
  if (!clause) return undefined; // `import 'x'`: whatever the module does when loaded
  if (clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return undefined;
  return clause.namedBindings.elements
    .filter((element) => !element.isTypeOnly)
    .map((element) => (element.propertyName ?? element.name).text);
}

/**
 * The runtime imports of a module's source, read by TypeScript's parser (so text in strings and comments is not
 * taken for an import): static imports with the bindings they take, re-exports, and `import()` of a literal.
 * Type-only imports are dropped, as are named imports whose every binding is a type.
 */
export function importsOf(source: string): ModuleImport[] {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: ModuleImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.importClause?.isTypeOnly) return;
      const names = namedBindings(node);
      if (names?.length === 0) return;
      found.push({ specifier: node.moduleSpecifier.text, ...(names ? { names } : {}) });
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push({ specifier: node.moduleSpecifier.text });
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      found.push({ specifier: argument && ts.isStringLiteral(argument) ? argument.text : COMPUTED_IMPORT });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Why importing this (a builtin or a package) reaches outside the process; undefined when it does not. */
function outsideReach({ specifier, names }: ModuleImport): string | undefined {
  if (specifier === COMPUTED_IMPORT) return 'import() of a computed name (cannot be followed)';
  const builtin = specifier.replace(/^node:/, '');
  if (OUTSIDE_WORLD_BUILTINS.has(builtin)) return `${specifier} (processes, sockets or threads)`;
  if (builtin === 'fs' || builtin === 'fs/promises') {
    const writes = names ? names.filter((name) => !FS_READS.has(name)) : ['the whole module'];
    return writes.length > 0 ? `${specifier} ${writes.join(', ')} (file writes)` : undefined;
  }
  if (isBuiltin(specifier) || specifier.startsWith('.')) return undefined;
  const bareName = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];
  return PURE_PACKAGES.has(bareName as string) ? undefined : `${specifier} (a package not known to be pure)`;
}

/** The file a relative import names: TypeScript sources are imported by their `.js` name. */
function resolveRelative(
  from: string,
  specifier: string,
  exists: (file: string) => boolean,
): string | undefined {
  const target = path.resolve(path.dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`];
  return candidates.find(exists);
}

export interface SourceReader {
  read(file: string): string;
  exists(file: string): boolean;
}

const diskReader: SourceReader = {
  read: (file) => readFileSync(file, 'utf8'),
  exists: (file) => existsSync(file),
};

/** The kind of the suite at `file`, following its imports depth first; `root` shortens the names in the chain. */
export function classifySuite(file: string, root: string, reader: SourceReader = diskReader): SuiteVerdict {
  const seen = new Set<string>();
  const name = (module: string) => path.relative(root, module);
  const visit = (module: string): string[] | undefined => {
    if (seen.has(module)) return undefined;
    seen.add(module);
    for (const reached of importsOf(reader.read(module))) {
      const why = outsideReach(reached);
      if (why) return [name(module), why];
      if (!reached.specifier.startsWith('.')) continue;
      const next = resolveRelative(module, reached.specifier, reader.exists);
      if (!next) return [name(module), `${reached.specifier} (not found, so not known to be pure)`];
      const chain = visit(next);
      if (chain) return [name(module), ...chain];
    }
    return undefined;
  };
  const chain = visit(file);
  return chain ? { kind: 'integration', chain } : { kind: 'unit', chain: [] };
}

/** Every suite under `<root>/__tests__` (`*.test.ts`, folders included), by kind, as absolute paths. */
export function suitesByKind(root: string): Record<SuiteKind, string[]> {
  const testsDir = path.join(root, '__tests__');
  const suites = readdirSync(testsDir, { recursive: true })
    .map(String)
    .filter((relative) => relative.endsWith('.test.ts'))
    .map((relative) => path.join(testsDir, relative))
    .sort();
  const kinds: Record<SuiteKind, string[]> = { unit: [], integration: [] };
  for (const suite of suites) kinds[classifySuite(suite, root).kind].push(suite);
  return kinds;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  for (const suite of Object.values(suitesByKind(root)).flat()) {
    const { kind, chain } = classifySuite(suite, root);
    console.log(
      `${kind.padEnd(11)} ${path.relative(root, suite)}${chain.length ? `: ${chain.join(' → ')}` : ''}`,
    );
  }
}
