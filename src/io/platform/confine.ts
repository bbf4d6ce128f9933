// Paths the action writes or reads because of an input or a default stay inside the directories it may touch
// (the workspace, RUNNER_TEMP): a pull request can commit a symlink under any name, and following one would
// let it choose a file outside, a toolchain's own compiler among them.
import { lstat, mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.js';

/** True when `child` is `parent` or inside it (both absolute, already resolved). */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** mkdir of one level, never following a link (an existing entry is left for the caller to lstat). */
async function makeDirectory(dir: string): Promise<void> {
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** Each root's real path, once; a root that does not exist cannot hold anything. */
async function realRoots(roots: string[]): Promise<string[]> {
  const real = await Promise.all(roots.filter(Boolean).map((root) => realpath(root).catch(() => undefined)));
  return real.filter((root): root is string => root !== undefined);
}

export interface ConfineOptions {
  /** The input the path comes from, for the error. */
  input: string;
  /** Directories the path may resolve into. */
  roots: string[];
  /** Directories it must never resolve into, even inside a root (an installed toolchain). */
  forbidden?: string[];
}

/**
 * Creates `dir` (one level at a time) and returns its real path, refusing when it resolves outside every root
 * or into a forbidden directory: a symlink committed as `dist` must not send binaries elsewhere.
 */
export async function confinedDirectory(dir: string, options: ConfineOptions): Promise<string> {
  const missing: string[] = [];
  let existing = path.resolve(dir);
  while (
    !(await lstat(existing).then(
      () => true,
      () => false,
    ))
  ) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const real = await checkResolved(existing, dir, options, missing);
  let current = real;
  for (const name of missing) {
    current = path.join(current, name);
    await makeDirectory(current);
    const info = await lstat(current);
    if (!info.isDirectory()) {
      throw new InputError(
        options.input,
        `${options.input} ${dir} is not a directory (${current} is ${info.isSymbolicLink() ? 'a symlink' : 'a file'})`,
        'point it at a directory inside the workspace',
      );
    }
  }
  return current;
}

/**
 * The real path of `existing` (a prefix of `given`), checked against the roots; `missing`, the levels of `given`
 * still to be made below it, counts for the forbidden check: a directory yet to be made inside a parent of the
 * toolchain neither holds nor is inside it.
 */
async function checkResolved(
  existing: string,
  given: string,
  options: ConfineOptions,
  missing: string[] = [],
): Promise<string> {
  const real = await realpath(existing).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      options.input,
      `${options.input} ${given} cannot be resolved (${existing}: ${error.code ?? error.message}), e.g. a symlink to nowhere`,
      'remove the symlink or point the input at a real path inside the workspace',
    );
  });
  const roots = await realRoots(options.roots);
  const forbidden = await realRoots(options.forbidden ?? []);
  const through = real === path.resolve(existing) ? '' : ` (through a symlink, ${existing} is ${real})`;
  if (!roots.some((root) => isWithin(real, root))) {
    throw new InputError(
      options.input,
      `${options.input} ${given} resolves outside the workspace${through}; refusing to follow it`,
      'remove the symlink or point the input at a real directory inside the workspace',
    );
  }
  const target = path.join(real, ...missing);
  const inside = forbidden.find((dir) => isWithin(target, dir) || isWithin(dir, target));
  if (inside) {
    throw new InputError(
      options.input,
      `${options.input} ${given} resolves to ${target}, which holds or is inside the toolchain at ${inside}`,
      'point it at a directory of its own inside the workspace',
    );
  }
  return real;
}

/**
 * Returns the real path of an existing file the action reads because of an input (a version file, a Report),
 * refusing one that resolves outside the roots or is not a regular file (a FIFO or /dev/zero would hang it).
 */
export async function confinedFile(file: string, options: ConfineOptions): Promise<string> {
  const real = await checkResolved(file, file, options);
  const info = await lstat(real);
  if (!info.isFile()) {
    throw new InputError(
      options.input,
      `${options.input} ${file} is not a regular file`,
      'point it at a regular file inside the workspace',
    );
  }
  return real;
}

/**
 * Moves `source` to `relative` under the real directory `root` without following any link on the way: every
 * directory between them must be a real directory (missing ones are made), and a symlink at the destination
 * is replaced, never written through.
 */
export async function placeFile(source: string, root: string, relative: string): Promise<string> {
  const parts = relative.split(/[\\/]+/).filter(Boolean);
  if (parts.length === 0 || parts.includes('..')) throw new Error(`${relative} is not a path inside ${root}`);
  let current = root;
  for (const name of parts.slice(0, -1)) {
    current = path.join(current, name);
    await makeDirectory(current);
    const info = await lstat(current);
    if (!info.isDirectory()) {
      throw new Error(
        `${current} is ${info.isSymbolicLink() ? 'a symlink' : 'not a directory'}; refusing to write through it`,
      );
    }
  }
  const destination = path.join(current, parts.at(-1) as string);
  await rename(source, destination);
  return destination;
}

/**
 * Writes `data` beside `file` and renames it over `file`: a symlink committed under the file's name is replaced,
 * never written through, and a reader never sees half a file.
 */
export async function replaceFile(file: string, data: string): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, data, { flag: 'wx' });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * {@link replaceFile} for a file whose directory must resolve inside the roots (made when missing). Returns the
 * real path written.
 */
export async function replaceFileConfined(
  file: string,
  text: string,
  options: ConfineOptions,
): Promise<string> {
  const dir = await confinedDirectory(path.dirname(file), options);
  const target = path.join(dir, path.basename(file));
  await replaceFile(target, text);
  return target;
}
