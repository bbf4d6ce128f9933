// The layers of src/: the lint rule that holds them, through chains of imports, and the move into their folders.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

const repoRoot = path.resolve(import.meta.dirname, '..');

interface ModuleReference {
  specifier: string;
  runtime: boolean;
}
interface MoveResult {
  moves: number;
  rewritten: string[];
  leftovers: string[];
}
// The rule and the move are plain ES modules (eslint.config.js and node load them as they are).
const { layersPlugin } = (await import(
  pathToFileURL(path.join(repoRoot, 'scripts/layers/eslint-rule.mjs')).href
)) as {
  layersPlugin: { rules: Record<string, Rule.RuleModule> };
};
const { moveLayers } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/move-layers.mjs')).href)) as {
  moveLayers: (root: string, options?: { check?: boolean }) => Promise<MoveResult>;
};
const { isRelative, moduleReferences, resolveRelative } = (await import(
  pathToFileURL(path.join(repoRoot, 'scripts/layers/imports.mjs')).href
)) as {
  isRelative: (specifier: string) => boolean;
  moduleReferences: (text: string, fileName: string) => ModuleReference[];
  resolveRelative: (fromFile: string, specifier: string) => string | undefined;
};

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'layers-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

/** The layer rule's messages per file of `root`, as `npm run lint` reports them. */
async function lintLayers(root: string): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { layers: layersPlugin },
        rules: { 'layers/layered-imports': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['**/*.ts']);
  return Object.fromEntries(
    results
      .filter((result) => result.messages.length > 0)
      .map((result) => [
        path.relative(root, result.filePath),
        result.messages.map((message) => message.message),
      ]),
  );
}

describe('the layer rule', () => {
  it('fails an import that crosses a layer only further down the chain, even when that edge is silenced', async () => {
    await writeTree(scratch, {
      'src/core/plan.ts': "import { step } from './step.js';\nexport const plan = step;\n",
      'src/core/step.ts':
        '// eslint-disable-next-line layers/layered-imports\n' +
        "import { run } from '../io/run.js';\nexport const step = run;\n",
      'src/io/run.ts':
        "import { execFileSync } from 'node:child_process';\nexport const run = execFileSync;\n",
    });
    expect(await lintLayers(scratch)).toEqual({
      'src/core/plan.ts': [
        "'./step.js' reaches the io layer: src/core/step.ts → src/io/run.ts; core may import only core " +
          '(see ARCHITECTURE.md for what goes where).',
      ],
    });
  });

  it('fails a core module that reaches an I/O package through another core module', async () => {
    await writeTree(scratch, {
      'src/core/keys.ts': "import { hash } from './hash.js';\nexport const key = hash;\n",
      'src/core/hash.ts':
        '// eslint-disable-next-line layers/layered-imports\n' +
        "import { readFileSync } from 'node:fs';\nexport const hash = readFileSync;\n",
    });
    expect((await lintLayers(scratch))['src/core/keys.ts']).toEqual([
      "'./hash.js' reaches node:fs, which does I/O: src/core/hash.ts → node:fs " +
        '(see ARCHITECTURE.md for what goes where).',
    ]);
  });

  it('fails a unit test that reaches the io layer through a test helper', async () => {
    await writeTree(scratch, {
      '__tests__/unit/plan.test.ts': "import { helper } from '../../test/support/helper.js';\nvoid helper;\n",
      'test/support/helper.ts': "export { run as helper } from '../../src/io/run.js';\n",
      'src/io/run.ts': 'export const run = 1;\n',
    });
    expect((await lintLayers(scratch))['__tests__/unit/plan.test.ts']).toEqual([
      "'../../test/support/helper.js' reaches the io layer: test/support/helper.ts → src/io/run.ts; " +
        'core tests may import only core (see ARCHITECTURE.md for what goes where).',
    ]);
  });

  it('fails an import of a higher layer, a core import of an I/O package or use of process, and a file in no layer', async () => {
    await writeTree(scratch, {
      'src/io/cache.ts': "import { phase } from '../phases/phase.js';\nexport const cache = phase;\n",
      'src/phases/phase.ts': 'export const phase = 1;\n',
      'src/core/summary.ts': "import * as core from '@actions/core';\nexport const summary = core;\n",
      'src/helpers.ts': 'export const helper = 1;\n',
    });
    expect(await lintLayers(scratch)).toEqual({
      'src/io/cache.ts': [
        "'../phases/phase.js' reaches the phases layer: src/phases/phase.ts; io may import only core, io " +
          '(see ARCHITECTURE.md for what goes where).',
      ],
      'src/core/summary.ts': [
        "'@actions/core' does I/O; core may import only the packages node:path, node:crypto, semver " +
          '(see ARCHITECTURE.md for what goes where).',
      ],
      'src/helpers.ts': [
        'src/helpers.ts is in no layer: move it into one (see ARCHITECTURE.md for what goes where).',
      ],
    });
  });

  it('passes imports downwards, within a layer, of types alone, and of the allowed packages', async () => {
    await writeTree(scratch, {
      'src/core/keys.ts':
        "import path from 'node:path';\nimport type { Run } from '../io/run.js';\nexport type K = Run;\nexport const k = path.sep;\n",
      'src/io/run.ts': "import { k } from '../core/keys.js';\nexport type Run = typeof k;\n",
      'src/phases/setup.ts':
        "import type { Run } from '../io/run.js';\nimport { k } from '../core/keys.js';\nexport const s: Run = k;\n",
      'src/entries/main.ts': "import { s } from '../phases/setup.js';\nvoid s;\n",
      'src/index.ts': "export { s } from './phases/setup.js';\n",
      '__tests__/unit/keys.test.ts': "import { k } from '../../src/core/keys.js';\nvoid k;\n",
    });
    expect(await lintLayers(scratch)).toEqual({});
  });
});

describe('the imports the rule follows', () => {
  it('counts what survives compilation: value imports, re-exports, import() and side-effect imports', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import { type D, e } from './d.js';",
      "import './side.js';",
      "export * from './all.js';",
      "export type { F } from './f.js';",
      "export { type G2 } from './g2.js';",
      "const g = await import('./g.js');",
      "type H = import('./h.js').H;",
    ].join('\n');
    expect(
      moduleReferences(text, 'x.ts').map((reference) => [reference.specifier, reference.runtime]),
    ).toEqual([
      ['./a.js', false],
      ['./b.js', false],
      ['./d.js', true],
      ['./side.js', true],
      ['./all.js', true],
      ['./f.js', false],
      ['./g2.js', false],
      ['./g.js', true],
      ['./h.js', false],
    ]);
  });
});

/** A git repository holding this one's code and docs as they are in the working tree, for the move to run on. */
async function copyOfRepository(into: string): Promise<string> {
  const copy = path.join(into, 'repo');
  for (const file of listed(repoRoot).filter((candidate) => !candidate.startsWith('dist/'))) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await cp(path.join(repoRoot, file), path.join(copy, file));
  }
  gitIn(copy, 'init', '-q');
  commitAll(copy, 'copy');
  return copy;
}

function gitIn(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

function commitAll(root: string, message: string): void {
  gitIn(root, 'add', '-A');
  gitIn(root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', message);
}

function listed(root: string, ...folders: string[]): string[] {
  return gitIn(root, 'ls-files', '--cached', '--others', '--exclude-standard', '--', ...folders)
    .split('\n')
    .filter((file) => file && existsSync(path.join(root, file)));
}

/** Relative imports in the code of `root` that name no file. */
function unresolvedImports(root: string): string[] {
  return listed(root, 'src', '__tests__', 'test', 'scripts', 'bench')
    .filter((file) => /\.(ts|mjs)$/.test(file))
    .flatMap((file) => {
      const absolute = path.join(root, file);
      return moduleReferences(readFileSync(absolute, 'utf8'), absolute)
        .filter((reference) => isRelative(reference.specifier))
        .filter((reference) => !resolveRelative(absolute, reference.specifier))
        .map((reference) => `${file}: ${reference.specifier}`);
    });
}

// The move run on a copy of this repository, then again on what it left, in order: a run takes minutes on a
// busy machine, so the cases share it.
describe('the move into layer folders', () => {
  const MOVE_MS = 600_000;
  let workspace: string;
  let copy: string;
  let first: MoveResult;
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'layers-move-'));
    copy = await copyOfRepository(workspace);
    first = await moveLayers(copy);
  }, MOVE_MS);
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  // The move has been applied to this repository (its commit shows the bundles unchanged but for esbuild's path
  // comments), so on a copy of it the script finds every file in place and nothing to rewrite.
  it('finds each file of src/ in its layer folder, with every import and entry point naming a file', async () => {
    expect(first).toEqual({ moves: 0, rewritten: [], leftovers: [] });
    const outsideLayers = listed(copy, 'src').filter(
      (file) => file !== 'src/index.ts' && !/^src\/(core|io|phases|entries)\//.test(file),
    );
    expect(outsideLayers).toEqual([]);
    expect(unresolvedImports(copy)).toEqual([]);
    expect(await readFile(path.join(copy, 'scripts/bundle.mjs'), 'utf8')).toContain("'src/entries/main.ts'");
  });

  it(
    'changes nothing when run again',
    async () => {
      expect(gitIn(copy, 'status', '--porcelain')).toBe('');
      expect(await moveLayers(copy)).toEqual({ moves: 0, rewritten: [], leftovers: [] });
      expect(gitIn(copy, 'status', '--porcelain')).toBe('');
    },
    MOVE_MS,
  );

  it(
    'points an import of an old path, added after the move, at the new one',
    async () => {
      await writeTree(copy, {
        'src/phases/late.ts': "import { InputError } from '../errors.js';\nvoid InputError;\n",
      });
      // README.md's count of files per layer grows by the new one.
      expect((await moveLayers(copy)).rewritten).toEqual(['src/phases/late.ts', 'README.md']);
      expect(await readFile(path.join(copy, 'src/phases/late.ts'), 'utf8')).toContain(
        "from '../core/errors.js'",
      );
      commitAll(copy, 'late');
    },
    MOVE_MS,
  );

  it('stops before changing anything when src/ holds a file in no layer, and names it', async () => {
    await writeTree(copy, { 'src/helpers/new-step.ts': 'export const step = 1;\n' });
    await expect(moveLayers(copy)).rejects.toThrow(/in no layer[\s\S]*src\/helpers\/new-step\.ts/);
    expect(gitIn(copy, 'status', '--porcelain')).toBe('?? src/helpers/\n');
  });
});
