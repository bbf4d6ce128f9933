// Tree walking and file selection for the save: lists a cache directory (sizes and mtimes), reads the go.sum
// files, and keeps the note, from the restore to the save, of the build-cache files the runner already had;
// prune.ts does the choosing. Nothing here writes to the cache directories.
import { lstat, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CacheEntryPlan, CachePlan } from '../../core/cache/keys.js';
import type { RestoredEntry, RestoreResult } from '../../core/cache/outcomes.js';
import {
  buildCacheEntry,
  modCacheEntry,
  parseGoSum,
  type CacheFile,
  type EntrySelection,
} from '../../core/cache/prune.js';

/** Chooses the files of the entry (see prune.ts) from a listing of its cache directory. */
export async function selectEntryFiles(
  plan: CachePlan,
  planned: CacheEntryPlan,
  before: RestoredEntry | undefined,
  restored: RestoreResult,
): Promise<EntrySelection> {
  if (planned.kind === 'mod') {
    const sums = [];
    for (const file of plan.sumFiles) sums.push(parseGoSum(await readFile(file, 'utf8')));
    const files = await listFiles(path.join(planned.cacheDir, 'cache', 'download'), 'cache/download');
    return modCacheEntry(files, sums, plan.sumFiles, planned.cacheDir);
  }
  const files = await listFiles(planned.cacheDir, '');
  const alreadyPresent = before?.matchedKey ? await readAlreadyPresent(planned) : [];
  return buildCacheEntry(files, restored, before, alreadyPresent, planned.cacheDir);
}

/** Notes, for the save, which files of the restored build-cache entry the runner already had. */
export async function noteAlreadyPresent(planned: CacheEntryPlan, names: readonly string[]): Promise<void> {
  await writeFile(alreadyPresentFile(planned), JSON.stringify(names));
}

/** Where the restore notes the build-cache files of the entry that the runner already had (see selectBuildCache). */
function alreadyPresentFile(planned: CacheEntryPlan): string {
  return `${planned.archiveFile}.present.json`;
}

async function readAlreadyPresent(planned: CacheEntryPlan): Promise<string[]> {
  try {
    return JSON.parse(await readFile(alreadyPresentFile(planned), 'utf8')) as string[];
  } catch {
    return [];
  } finally {
    await rm(alreadyPresentFile(planned), { force: true });
  }
}

/** Every file under `root` with its size and mtime, paths relative to `root` and prefixed by `prefix`; none when missing. */
async function listFiles(root: string, prefix: string): Promise<CacheFile[]> {
  const files: CacheFile[] = [];
  for await (const entry of walk(root)) {
    if (entry.isDirectory) continue;
    const stats = await lstat(entry.absolute);
    if (!stats.isFile()) continue;
    files.push({
      path: prefix ? `${prefix}/${entry.relative}` : entry.relative,
      sizeBytes: stats.size,
      mtimeMs: stats.mtimeMs,
    });
  }
  return files;
}

interface WalkEntry {
  relative: string;
  absolute: string;
  isDirectory: boolean;
}

/** Everything under `root`, relative paths `/`-separated; nothing when `root` is missing. */
async function* walk(root: string, relativeDir = ''): AsyncGenerator<WalkEntry> {
  let names;
  try {
    names = await readdir(path.join(root, relativeDir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const dirent of names) {
    const relative = relativeDir ? `${relativeDir}/${dirent.name}` : dirent.name;
    const absolute = path.join(root, relative);
    yield { relative, absolute, isDirectory: dirent.isDirectory() };
    if (dirent.isDirectory()) yield* walk(root, relative);
  }
}
