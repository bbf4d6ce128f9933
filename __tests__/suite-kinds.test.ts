// How the suites are split into the unit and integration projects: by following imports to what can reach
// outside the process, in small module graphs held in memory, and on this repository's own suites.
import path from 'node:path';
import { classifySuite, importsOf, suitesByKind, type SourceReader } from '../test/support/suite-kinds.js';

const root = path.resolve(import.meta.dirname, '..');

/** A module graph in memory: paths relative to /repo, sources as given. */
function graph(files: Record<string, string>): SourceReader {
  const at = (file: string) => path.relative('/repo', file);
  return {
    read: (file) => {
      const source = files[at(file)];
      if (source === undefined) throw new Error(`no ${file}`);
      return source;
    },
    exists: (file) => at(file) in files,
  };
}

const classify = (files: Record<string, string>) =>
  classifySuite('/repo/__tests__/x.test.ts', '/repo', graph(files));

describe('importsOf', () => {
  it('finds runtime imports, the names taken, side-effect and dynamic imports, and drops type-only ones', () => {
    const source = [
      "import type { Report } from '../src/report/report.js';",
      "import { type Target, parseTargets as parse } from '../src/build/targets.js';",
      "import { type Only } from '../src/only-types.js';",
      'import {',
      '  readFileSync,',
      '  existsSync,',
      "} from 'node:fs';",
      "import path from 'node:path';",
      "import './setup.js';",
      "export * from './more.js';",
      "export type { Shape } from './shapes.js';",
      "const lazy = await import('./lazy.js');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: '../src/build/targets.js', names: ['parseTargets'] },
      { specifier: 'node:fs', names: ['readFileSync', 'existsSync'] },
      { specifier: 'node:path' },
      { specifier: './setup.js' },
      { specifier: './more.js' },
      { specifier: './lazy.js' },
    ]);
  });

  it('takes no text in comments or strings for an import', () => {
    const source = [
      '// the import chain from here',
      "import { a } from './a.js';",
      'const example = "import { spawn } from \'node:child_process\'";',
      '/* export * from "./b.js" */',
    ].join('\n');
    expect(importsOf(source)).toEqual([{ specifier: './a.js', names: ['a'] }]);
  });
});

describe('classifySuite', () => {
  it('calls a suite unit when everything it reaches computes, reads files or loads pure packages', () => {
    const verdict = classify({
      '__tests__/x.test.ts': "import fc from 'fast-check';\nimport { f } from '../src/core.js';",
      'src/core.ts': "import { readFileSync } from 'node:fs';\nimport { g } from './deeper.js';",
      'src/deeper.ts': "import { createHash } from 'node:crypto';\nimport { parse } from 'yaml';",
    });
    expect(verdict).toEqual({ kind: 'unit', chain: [] });
  });

  it('calls it integration when a module it reaches, however deep, starts processes, and names the chain', () => {
    const verdict = classify({
      '__tests__/x.test.ts': "import { f } from '../src/core.js';",
      'src/core.ts': "import { g } from './run.js';",
      'src/run.ts': "import { execFile } from 'node:child_process';",
    });
    expect(verdict).toEqual({
      kind: 'integration',
      chain: [
        '__tests__/x.test.ts',
        'src/core.ts',
        'src/run.ts',
        'node:child_process (processes, sockets or threads)',
      ],
    });
  });

  it.each([
    ["import { writeFile } from 'node:fs/promises';", 'node:fs/promises writeFile (file writes)'],
    ["import { readFile, mkdtemp } from 'fs/promises';", 'fs/promises mkdtemp (file writes)'],
    ["import fs from 'node:fs';", 'node:fs the whole module (file writes)'],
    ["import http from 'node:http';", 'node:http (processes, sockets or threads)'],
    ["import { cacheDir } from '@actions/cache';", '@actions/cache (a package not known to be pure)'],
    ["import { x } from './gone.js';", './gone.js (not found, so not known to be pure)'],
    ['const plugin = await import(name);', 'import() of a computed name (cannot be followed)'],
  ])('calls it integration for %s', (line, why) => {
    expect(classify({ '__tests__/x.test.ts': line })).toEqual({
      kind: 'integration',
      chain: ['__tests__/x.test.ts', why],
    });
  });

  it('follows an import cycle once', () => {
    const verdict = classify({
      '__tests__/x.test.ts': "import { a } from '../src/a.js';",
      'src/a.ts': "import { b } from './b.js';",
      'src/b.ts': "import { a } from './a.js';",
    });
    expect(verdict.kind).toBe('unit');
  });
});

describe("this repository's suites", () => {
  const kinds = suitesByKind(root);

  it('puts every suite in exactly one project, this one among the unit suites', () => {
    expect(kinds.unit).toContain(path.join(root, '__tests__/suite-kinds.test.ts'));
    expect(kinds.unit.filter((suite) => kinds.integration.includes(suite))).toEqual([]);
  });

  it('keeps the suites that drive the bundled action in the integration project', () => {
    expect(kinds.integration).toContain(path.join(root, '__tests__/action.test.ts'));
    expect(classifySuite(path.join(root, '__tests__/action.test.ts'), root).chain[0]).toBe(
      '__tests__/action.test.ts',
    );
  });
});
