// The imports of a source file that survive compilation, read with TypeScript's parser: `import type` and
// imports of types alone are erased, so they carry no behaviour from one layer into another.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every module specifier written in `text`, with its position and whether it survives compilation.
 * Covers import and export declarations, import() expressions and `import('…')` types.
 */
export function moduleReferences(text, fileName) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const found = [];
  const add = (literal, runtime) =>
    found.push({
      specifier: literal.text,
      start: literal.getStart(source) + 1,
      end: literal.getEnd() - 1,
      runtime,
    });
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier, !isTypeOnlyImport(node.importClause));
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier, !isTypeOnlyExport(node));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) add(literal, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyImport(clause) {
  if (!clause) return false; // import './x.js' runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function isTypeOnlyExport(declaration) {
  if (declaration.isTypeOnly) return true;
  const clause = declaration.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

function scriptKind(fileName) {
  return /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** True for './x.js' and '../x.js': the only specifiers that name files of this repository. */
export function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The file a relative specifier names, as written for a module at `fromFile` (absolute), or undefined.
 * Sources import TypeScript files by their emitted `.js` name; scripts import `.mjs`/`.ts` directly.
 */
export function resolveRelative(fromFile, specifier) {
  const target = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, path.join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

const parsed = new Map();

/** The module references of a file on disk, parsed once per version of the file. */
export function referencesOfFile(file) {
  const modified = statSync(file).mtimeMs;
  const cached = parsed.get(file);
  if (cached?.modified === modified) return cached.references;
  const references = moduleReferences(readFileSync(file, 'utf8'), file);
  parsed.set(file, { modified, references });
  return references;
}
