// The two cache inputs with rules of their own: cache-key-prefix, which starts every key and so must fit the
// cache service's rules for keys, and cache-save. Pure: the input's text in, the checked value out.
import { InputError } from '../errors.js';

export const DEFAULT_CACHE_KEY_PREFIX = 'setup-go-arm64';

/** The cache service rejects keys longer than this. */
export const MAX_KEY_LENGTH = 512;
/** Leaves room in a key for the parts after the prefix (OS, arch, Go version, targets, a 64-digit hash). */
const MAX_PREFIX_LENGTH = 256;

/** The `cache-save` input: when the post step uploads an entry. */
export type CacheSaveMode = 'auto' | 'always' | 'never';

/** The cache-key-prefix input, trimmed (the default when empty); one that cannot start a key is an InputError. */
export function validateKeyPrefix(prefix: string): string {
  const trimmed = prefix.trim();
  if (trimmed === '') return DEFAULT_CACHE_KEY_PREFIX;
  if (trimmed.length > MAX_PREFIX_LENGTH || /[,\s]/.test(trimmed)) {
    throw new InputError(
      'cache-key-prefix',
      `Input cache-key-prefix is ${JSON.stringify(prefix)}, which cannot start a cache key (keys allow no commas or spaces and at most ${MAX_KEY_LENGTH} characters)`,
      `use a short word without commas or spaces, e.g. ${DEFAULT_CACHE_KEY_PREFIX}-v2`,
    );
  }
  return trimmed;
}

/** The cache-save input: auto (the default), always or never, letter case aside; anything else is an InputError. */
export function parseCacheSave(value: string): CacheSaveMode {
  const normalized = value.trim().toLowerCase() || 'auto';
  if (normalized === 'auto' || normalized === 'always' || normalized === 'never') return normalized;
  throw new InputError(
    'cache-save',
    `Input cache-save is ${JSON.stringify(value)}`,
    'use auto (save after a miss or a partial hit), always (save whenever the contents changed, even after an exact hit) or never (restore only)',
  );
}
