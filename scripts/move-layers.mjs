// Moves every file of src/ into its layer's folder (the table is in scripts/layers/layout.mjs) and rewrites
// what points at the old paths: relative imports in code, and path mentions in docs and configuration.
// Safe to run again: what has moved stays put, and a new import of an old path is pointed at the new one.
//
//   node scripts/move-layers.mjs          apply the move (git mv, then rewrite in place)
//   node scripts/move-layers.mjs --check  change nothing: list unclassified files and what would change
//
// It stops before changing anything when src/ holds a file the table does not know: put that file in the
// table (or in a layer's folder) first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRelative, moduleReferences } from './layers/imports.mjs';
import { FOLDER_MOVES, LAYERS, MOVES, layerOf } from './layers/layout.mjs';

const CODE_FOLDERS = ['src', '__tests__', 'test', 'scripts', 'bench'];
const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Files outside the code folders that name source paths. CHANGELOG.md keeps the paths of its time. */
const MENTION_FILES = [
  'README.md',
  'ARCHITECTURE.md',
  'DEVELOPERS.md',
  'bench/README.md',
  'eslint.config.js',
  '.prettierignore',
  'jest.config.js',
  'package.json',
  'tsconfig.json',
  'tsconfig.lib.json',
  'action.yml',
  'comment/action.yml',
];
/** Folders that the move splits between layers: a mention of one of them has to be reworded by hand. */
const SPLIT_FOLDERS =
  /(?<![\w./-])src\/(binary|build|cache|compare|github|net|platform|report|toolchain|version)\//g;
/** The move's own table names the old paths on purpose. */
const KEEP_AS_WRITTEN = ['scripts/move-layers.mjs', 'scripts/layers/layout.mjs'];
/** Prose that names a split folder as the file's own place. */
const PROSE_EDITS = [
  {
    file: 'src/entries/problem-matcher.ts',
    from: 'this module in src/build/',
    to: 'this module in src/entries/',
  },
];
const LAYER_COUNTS = /<!-- layer-counts -->[\s\S]*?<!-- \/layer-counts -->/;

const toPosix = (file) => file.split(path.sep).join('/');

function gitFiles(root, folders) {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...folders],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return [...new Set(listed.split('\n').filter(Boolean))].filter((file) => existsSync(path.join(root, file)));
}

/** Files of src/ that are neither in the table nor in a layer's folder. */
export function unclassifiedFiles(root) {
  return gitFiles(root, ['src']).filter((file) => layerOf(file) === undefined);
}

/**
 * The repository path a relative specifier names, written for a module at `from`: an existing file, or an
 * old path of the table (which no longer exists once moved, when a new import still names it).
 */
function targetOf(root, from, specifier) {
  const target = toPosix(path.join(path.dirname(from), specifier));
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((candidate) => MOVES.has(candidate) || existsSync(path.join(root, candidate)));
}

/** The specifier that names `target` from `from`, in the style of `written` (`.js` for a `.ts` file, or none). */
function specifierFor(from, target, written) {
  let relative = toPosix(path.relative(path.dirname(from), target));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  if (target.endsWith('.ts') && written.endsWith('.js')) return relative.replace(/\.ts$/, '.js');
  if (target.endsWith('.ts') && !/\.[cm]?[jt]s$/.test(written)) return relative.replace(/\.ts$/, '');
  return relative;
}

function rewriteImports(root, file, text) {
  const movedTo = MOVES.get(file) ?? file;
  const edits = [];
  for (const reference of moduleReferences(text, file)) {
    if (!isRelative(reference.specifier)) continue;
    const target = targetOf(root, file, reference.specifier);
    if (!target) continue;
    const specifier = specifierFor(movedTo, MOVES.get(target) ?? target, reference.specifier);
    if (specifier !== reference.specifier) edits.push({ ...reference, specifier });
  }
  edits.sort((a, b) => b.start - a.start);
  return edits.reduce(
    (result, edit) => result.slice(0, edit.start) + edit.specifier + result.slice(edit.end),
    text,
  );
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OLD_MENTION = new RegExp(
  `(?<![\\w./-])(${[...MOVES.keys(), ...FOLDER_MOVES.keys()].map(escape).join('|')})(?![\\w-])`,
  'g',
);

function rewriteMentions(text) {
  return text.replace(OLD_MENTION, (old) => MOVES.get(old) ?? FOLDER_MOVES.get(old));
}

/** Files and raw lines (as `wc -l` counts them) per layer, for README.md's account of src/. */
export function layerCounts(root) {
  const counts = Object.fromEntries(LAYERS.map((layer) => [layer, { files: 0, lines: 0 }]));
  for (const file of gitFiles(root, ['src'])) {
    const count = counts[layerOf(file)];
    count.files += 1;
    count.lines += readFileSync(path.join(root, file), 'utf8').split('\n').length - 1;
  }
  return counts;
}

function renderLayerCounts(counts) {
  const total = Object.values(counts).reduce((sum, count) => sum + count.lines, 0);
  const row = (layer) =>
    `\`src/${layer}/\` ${counts[layer].files} files, ${counts[layer].lines} lines (${Math.round((100 * counts[layer].lines) / total)}%)`;
  return `<!-- layer-counts -->${LAYERS.map(row).join('; ')}<!-- /layer-counts -->`;
}

/** Brings README.md's files and lines per layer up to date; true when they were out of date. */
export function refreshLayerCounts(root, { check }) {
  const readme = path.join(root, 'README.md');
  const before = readFileSync(readme, 'utf8');
  const after = before.replace(LAYER_COUNTS, renderLayerCounts(layerCounts(root)));
  if (after !== before && !check) writeFileSync(readme, after);
  return after !== before;
}

function plan(root) {
  const moves = [];
  for (const [from, to] of MOVES) {
    const fromExists = existsSync(path.join(root, from));
    if (fromExists && existsSync(path.join(root, to)))
      throw new Error(`both ${from} and ${to} exist: merge them by hand`);
    if (fromExists) moves.push({ from, to });
  }
  const code = gitFiles(root, CODE_FOLDERS).filter((file) => CODE_FILE.test(file));
  const mentions = MENTION_FILES.filter((file) => existsSync(path.join(root, file)) && !code.includes(file));
  const writes = [];
  const leftovers = [];
  for (const file of [...code, ...mentions].filter((candidate) => !KEEP_AS_WRITTEN.includes(candidate))) {
    const before = readFileSync(path.join(root, file), 'utf8');
    const imports = code.includes(file) ? rewriteImports(root, file, before) : before;
    let after = rewriteMentions(imports);
    const movedTo = MOVES.get(file) ?? file;
    for (const edit of PROSE_EDITS.filter((candidate) => candidate.file === movedTo)) {
      after = after.replace(edit.from, edit.to);
    }
    if (after !== before) writes.push({ file: movedTo, text: after, before });
    for (const match of after.matchAll(SPLIT_FOLDERS)) {
      leftovers.push(`${movedTo}:${after.slice(0, match.index).split('\n').length}: ${match[0]}`);
    }
  }
  return { moves, writes, leftovers };
}

/**
 * The move only lengthens paths, which can push a line past the width prettier keeps: format the files where
 * a rewritten line is now too long, as `npm run lint` checks them. Formatting all of them takes far longer.
 */
async function formatLongLines(root, writes) {
  const prettier = await import('prettier');
  for (const { file, text, before } of writes) {
    const absolute = path.join(root, file);
    const options = await prettier.resolveConfig(absolute);
    const width = options?.printWidth ?? 80;
    const kept = new Set(before.split('\n'));
    if (!text.split('\n').some((line) => line.length > width && !kept.has(line))) continue;
    writeFileSync(absolute, await prettier.format(text, { ...options, filepath: absolute }));
  }
}

/** `git mv` of each file, one command per destination folder. */
function gitMove(root, moves) {
  const byFolder = new Map();
  for (const move of moves)
    byFolder.set(path.dirname(move.to), [...(byFolder.get(path.dirname(move.to)) ?? []), move]);
  for (const [folder, group] of byFolder) {
    mkdirSync(path.join(root, folder), { recursive: true });
    for (const { from, to } of group) {
      if (path.basename(from) !== path.basename(to)) throw new Error(`${from} → ${to} renames the file`);
    }
    execFileSync('git', ['mv', ...group.map(({ from }) => from), folder], { cwd: root });
  }
}

export async function moveLayers(root, { check = false } = {}) {
  const unknown = unclassifiedFiles(root);
  if (unknown.length > 0) {
    throw new Error(
      `these files of src/ are in no layer; add each to scripts/layers/layout.mjs (see ARCHITECTURE.md):\n  ${unknown.join('\n  ')}`,
    );
  }
  const { moves, writes, leftovers } = plan(root);
  if (!check) {
    gitMove(root, moves);
    for (const { file, text } of writes) writeFileSync(path.join(root, file), text);
    await formatLongLines(root, writes);
  }
  const rewritten = writes.map((write) => write.file);
  // Counted last: formatting can have added lines.
  if (refreshLayerCounts(root, { check }) && !rewritten.includes('README.md')) rewritten.push('README.md');
  return { moves: moves.length, rewritten, leftovers };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const check = process.argv.includes('--check');
  try {
    const result = await moveLayers(root, { check });
    const done = check ? 'would be' : 'were';
    console.log(`${result.moves} files ${done} moved and ${result.rewritten.length} ${done} rewritten:`);
    for (const file of result.rewritten) console.log(`  ${file}`);
    if (result.leftovers.length > 0) {
      console.log('Mentions of a folder that the move splits; reword them by hand:');
      for (const leftover of result.leftovers) console.log(`  ${leftover}`);
    }
  } catch (error) {
    console.error(`move-layers: ${error.message}`);
    process.exitCode = 1;
  }
}
