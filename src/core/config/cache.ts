// The inputs of the GOMODCACHE/GOCACHE cache.
import { parseCacheSave, validateKeyPrefix, type CacheSaveMode } from '../cache/keys.js';
import { parseBoolean } from './values.js';

export interface CacheInputs {
  cache: boolean;
  cacheBuild: boolean;
  /** When the post step saves: after a miss or partial hit (auto), whenever the contents changed (always), or never. */
  cacheSave: CacheSaveMode;
  cacheDependencyPath: string;
  cacheKeyPrefix: string;
}

export function readCacheInputs(input: (name: string) => string): CacheInputs {
  return {
    cache: parseBoolean(input('cache') || 'true', 'cache'),
    cacheBuild: parseBoolean(input('cache-build') || 'true', 'cache-build'),
    cacheSave: parseCacheSave(input('cache-save')),
    cacheDependencyPath: input('cache-dependency-path'),
    cacheKeyPrefix: validateKeyPrefix(input('cache-key-prefix')),
  };
}
