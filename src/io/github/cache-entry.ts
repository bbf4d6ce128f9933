// One small JSON file kept as a cache entry of its own (a Report, a release's Report, the size history): saving
// and restoring it through @actions/cache. What the file means, and its key, are the caller's.
import { actionsCache } from '../cache/actions-cache.js';
import * as core from '../log.js';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Saves `data` as `file` under `key`; false (with a warning, unless the key is taken) when it is not saved. */
export async function saveJsonEntry(
  file: string,
  key: string,
  data: unknown,
  what: string,
): Promise<boolean> {
  const cache = await actionsCache();
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(data) + '\n');
    const id = await cache.saveCache([file], key);
    if (id === -1) return false;
    core.info(`Saved ${what} to the cache as ${key}`);
    return true;
  } catch (error) {
    core.warning(`Could not save ${what} to the cache: ${(error as Error).message}`);
    return false;
  }
}

/** A restored entry: its parsed content and the key it was saved under. */
export interface RestoredEntry<T> {
  value: T;
  matched: string;
}

/**
 * Restores `file` from the entry `key` or the newest one starting with a restore key, and parses it with
 * `parse` (given `cache entry <key>` to name in its errors). Undefined when nothing matched, the service is
 * unavailable or failed, or the content does not parse; the log says which.
 */
export async function restoreJsonEntry<T>(
  file: string,
  /** `miss` is logged when nothing matched. */
  keys: { key: string; restoreKeys: string[]; miss: string },
  what: string,
  parse: (json: unknown, source: string) => T,
): Promise<RestoredEntry<T> | undefined> {
  const cache = await actionsCache();
  if (!cache.isFeatureAvailable()) {
    core.info(`The cache service is not available here; no ${what} to restore`);
    return undefined;
  }
  await rm(file, { force: true });
  let matched: string | undefined;
  try {
    matched = await cache.restoreCache([file], keys.key, keys.restoreKeys);
  } catch (error) {
    core.warning(`Could not restore a ${what} from the cache: ${(error as Error).message}`);
    return undefined;
  }
  if (!matched) {
    core.info(keys.miss);
    return undefined;
  }
  try {
    return { value: parse(JSON.parse(await readFile(file, 'utf8')), `cache entry ${matched}`), matched };
  } catch (error) {
    core.warning(`Ignoring the cached ${what}: ${(error as Error).message}`);
    return undefined;
  }
}
