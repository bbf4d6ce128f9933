// The cache module's entry points, and the part of the shell that prepares the plan: it finds and hashes the
// dependency files `cache-dependency-path` names and asks the toolchain for the flags that go into the build
// key. Restoring is restore.ts, saving save.ts, reading a cache directory entry-files.ts; the keys and every
// other decision are pure (keys.ts, key-match.ts, dependency-paths.ts, prune.ts, outcomes.ts).
import * as core from '../log.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../../core/errors.js';
import {
  dependencyFilePatterns,
  isSumFile,
  toSlashes,
  type DependencyFile,
} from '../../core/cache/dependency-paths.js';
import { BUILD_KEY_ENV, planGoCaches, type CachePlan, type CachePlanInput } from '../../core/cache/keys.js';
import { runChecked } from '../platform/process.js';

// main.ts and post.ts reach the whole cache shell through this module.
export { restoreGoCaches } from './restore.js';
export { saveGoCaches } from './save.js';
export type { RestoreResult } from '../../core/cache/outcomes.js';

/** The cache inputs and toolchain facts, before the dependency files are found. */
export interface GoCacheInputs extends Omit<CachePlanInput, 'dependencyFiles' | 'sumFiles'> {
  /** The `cache-dependency-path` input; empty for every go.sum and go.work.sum under the working directory. */
  dependencyPath: string;
}

/**
 * Finds the files `cache-dependency-path` names and hashes them; an explicit path that matches nothing is an
 * error. The module-cache entry keeps what the matched go.sum / go.work.sum files name, and always what the
 * working directory's own go.sum and go.work.sum name.
 */
export async function prepareGoCaches(inputs: GoCacheInputs): Promise<CachePlan> {
  const { dependencyPath, ...rest } = inputs;
  if (!inputs.cache) return planGoCaches({ ...rest, dependencyFiles: [], sumFiles: [] });
  const dependencyFiles = await dependencyFilesFor(dependencyPath, inputs.workingDirectory, [
    inputs.modCacheDir,
    inputs.buildCacheDir,
  ]);
  const sumFiles = dependencyFiles
    .filter((file) => isSumFile(file.path))
    .map((file) => path.resolve(inputs.workingDirectory, file.path));
  for (const name of ['go.sum', 'go.work.sum']) {
    const own = path.join(inputs.workingDirectory, name);
    // Only a regular file: a committed link to a device would be read forever.
    const info = await lstat(own).catch(() => undefined);
    if (info?.isFile() && !sumFiles.includes(own)) sumFiles.push(own);
  }
  return planGoCaches({ ...rest, dependencyFiles, sumFiles });
}

/**
 * The flags that decide what go compiles besides the inputs: GOFLAGS and GOEXPERIMENT as the toolchain sees them
 * (`go env` also reads `go env -w` settings), and the architecture levels set in the environment.
 */
export async function buildKeyEnvironment(goBinary: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of BUILD_KEY_ENV) {
    const value = process.env[name]?.trim();
    if (value) env[name] = value;
  }
  const { stdout } = await runChecked(goBinary, ['env', '-json', 'GOFLAGS', 'GOEXPERIMENT'], {
    env: { ...process.env, GOTOOLCHAIN: 'local' },
    timeoutMs: 60_000,
  });
  for (const [name, value] of Object.entries(JSON.parse(stdout) as Record<string, string>)) {
    if (value.trim()) env[name] = value.trim();
    else delete env[name];
  }
  return env;
}

/**
 * The files `cache-dependency-path` names (every go.sum and go.work.sum under `workingDirectory` when it is
 * empty), hashed, leaving out files inside `cacheDirs`; an explicit path that matches nothing is an InputError.
 */
export async function dependencyFilesFor(
  dependencyPath: string,
  workingDirectory: string,
  cacheDirs: readonly string[] = [],
): Promise<DependencyFile[]> {
  const patterns = dependencyFilePatterns(dependencyPath, workingDirectory, cacheDirs);
  const dependencyFiles = await findDependencyFiles(patterns, workingDirectory);
  if (dependencyFiles.length === 0 && dependencyPath.trim() !== '') {
    throw new InputError(
      'cache-dependency-path',
      `Input cache-dependency-path is ${JSON.stringify(dependencyPath)}, which matches no file under ${workingDirectory}`,
      'name your go.sum files, e.g. go.sum or **/go.sum (relative to working-directory)',
    );
  }
  return dependencyFiles;
}

/** A go.sum of 150,000 modules is under 20 MiB; a dependency file larger than this is not one to hash. */
export const MAX_DEPENDENCY_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The files the glob patterns match, each with the SHA-256 of its contents, paths relative to `workingDirectory`.
 * The glob does not follow symlinks (a committed `rootfs -> /` would send `**\/go.sum` through the whole file
 * system), and only regular files are hashed: a `go.sum -> /dev/zero` would never end. Those are left out of the
 * key with a warning; a file over {@link MAX_DEPENDENCY_FILE_BYTES} is an InputError.
 */
export async function findDependencyFiles(
  patterns: string[],
  workingDirectory: string,
): Promise<DependencyFile[]> {
  // Loaded on first use: a run without caches never needs a glob.
  const glob = await import('@actions/glob');
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false,
    followSymbolicLinks: false,
  });
  const files = [...new Set(await globber.glob())].sort();
  const hashed: DependencyFile[] = [];
  for (const file of files) {
    const relative = toSlashes(path.relative(workingDirectory, file));
    const info = await lstat(file);
    if (!info.isFile()) {
      core.warning(
        `Leaving ${relative} out of the cache key: it is ${info.isSymbolicLink() ? 'a symlink' : 'not a regular file'}.`,
      );
      continue;
    }
    if (info.size > MAX_DEPENDENCY_FILE_BYTES) {
      throw new InputError(
        'cache-dependency-path',
        `${relative} is ${info.size} bytes, over the ${MAX_DEPENDENCY_FILE_BYTES}-byte limit for a dependency file`,
        'point cache-dependency-path at your go.sum and go.work.sum files',
      );
    }
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    hashed.push({ path: relative, sha256: hash.digest('hex') });
  }
  return hashed;
}
