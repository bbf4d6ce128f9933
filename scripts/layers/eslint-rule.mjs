// The lint rule behind the layers (ARCHITECTURE.md): a module may import only from its own layer and the
// layers below it, and this holds through every chain of imports, so an import that is allowed on its
// face still fails when anything it pulls in, however far down, crosses a layer. Core modules
// may import no package beyond CORE_PACKAGES, through any chain either, and do not touch `process`.
import path from 'node:path';
import { isRelative, moduleReferences, referencesOfFile, resolveRelative } from './imports.mjs';
import { CORE_PACKAGES, TEST_LAYERS, importableFrom, layerOf } from './layout.mjs';

const LAYER_HELP = 'see ARCHITECTURE.md for what goes where';

/** What the file being linted may reach, or undefined when the layers do not govern it. */
function subjectOf(relative) {
  if (relative.startsWith('src/')) {
    const layer = layerOf(relative);
    return { layer, reach: layer && importableFrom(layer), pure: layer === 'core' };
  }
  const test = TEST_LAYERS.find((candidate) => relative.startsWith(candidate.folder));
  return test && { layer: `${test.reach} tests`, reach: importableFrom(test.reach), pure: false };
}

/**
 * The first module reached from `start` that `subject` may not reach, and the chain of imports leading
 * there, searched breadth first so the chain reported is a shortest one.
 */
function firstCrossing(start, subject, root) {
  const name = (file) => path.relative(root, file).split(path.sep).join('/');
  const cameFrom = new Map([[start, undefined]]);
  const chainTo = (file) => {
    const chain = [];
    for (let at = file; at !== undefined; at = cameFrom.get(at)) chain.unshift(name(at));
    return chain.join(' → ');
  };
  for (const file of cameFrom.keys()) {
    const relative = name(file);
    const references = referencesOfFile(file).filter((reference) => reference.runtime);
    if (relative.startsWith('src/')) {
      // A module in no layer gets its own error; the search goes on through it.
      const layer = layerOf(relative);
      if (layer && !subject.reach.includes(layer)) {
        return `reaches the ${layer} layer: ${chainTo(file)}; ${subject.layer} may import only ${subject.reach.join(', ')}`;
      }
      const impure = subject.pure && references.find((reference) => isImpurePackage(reference.specifier));
      if (impure)
        return `reaches ${impure.specifier}, which does I/O: ${chainTo(file)} → ${impure.specifier}`;
    }
    for (const reference of references.filter((candidate) => isRelative(candidate.specifier))) {
      const next = resolveRelative(file, reference.specifier);
      if (next && !cameFrom.has(next)) cameFrom.set(next, file);
    }
  }
  return undefined;
}

function isImpurePackage(specifier) {
  return !isRelative(specifier) && !CORE_PACKAGES.includes(specifier);
}

export const layeredImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep every import, direct or through other modules, inside the layers of src/.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const relative = path.relative(root, file).split(path.sep).join('/');
    const subject = subjectOf(relative);
    if (!subject) return {};
    return {
      Program(program) {
        if (!subject.layer) {
          context.report({
            node: program,
            message: `${relative} is in no layer: move it into one (${LAYER_HELP}).`,
          });
          return;
        }
        const { sourceCode } = context;
        for (const reference of moduleReferences(sourceCode.text, file)) {
          if (!reference.runtime) continue;
          const loc = {
            start: sourceCode.getLocFromIndex(reference.start),
            end: sourceCode.getLocFromIndex(reference.end),
          };
          const problem = isRelative(reference.specifier)
            ? relativeProblem(file, reference.specifier, subject, root)
            : subject.pure && isImpurePackage(reference.specifier)
              ? `does I/O; core may import only the packages ${CORE_PACKAGES.join(', ')}`
              : undefined;
          if (problem)
            context.report({ loc, message: `'${reference.specifier}' ${problem} (${LAYER_HELP}).` });
        }
      },
      // Imports are not the only way out: `process` is the runner's environment, arguments and streams.
      'Program:exit'(program) {
        if (!subject.pure) return;
        const scope = context.sourceCode.getScope(program);
        const uses = [...scope.through, ...(scope.set.get('process')?.references ?? [])];
        for (const use of uses.filter((candidate) => candidate.identifier.name === 'process')) {
          context.report({
            node: use.identifier,
            message: `core reads process; take the value as a parameter from a caller in io or above (${LAYER_HELP}).`,
          });
        }
      },
    };
  },
};

function relativeProblem(file, specifier, subject, root) {
  const target = resolveRelative(file, specifier);
  return target ? firstCrossing(target, subject, root) : undefined;
}

export const layersPlugin = { rules: { 'layered-imports': layeredImports } };
