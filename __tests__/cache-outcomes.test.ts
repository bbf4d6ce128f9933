// What the post step makes of @actions/cache's log after a saveCache call, without a cache service: the log
// lines are worded as the library (6.x, the Twirp client) writes them through @actions/core.
import { libraryFailure, readUploadLog, serviceUnreachable } from '../src/core/cache/outcomes.js';

const KEY = 'setup-go-arm64-mod-Linux-arm64-0123abcd';

describe('reading a save from the library log', () => {
  test('a cache id is a save; the archive size comes from the debug line, else the info line', () => {
    expect(readUploadLog(['Cache Size: ~1 MB (1048576 B)', '::debug::File Size: 1048000'], 7, KEY)).toEqual({
      outcome: 'saved',
      archiveBytes: 1048000,
    });
    expect(readUploadLog(['Cache Size: ~0 MB (2048 B)'], 7, KEY)).toEqual({
      outcome: 'saved',
      archiveBytes: 2048,
    });
    expect(readUploadLog([], 7, KEY)).toEqual({ outcome: 'saved', archiveBytes: null });
  });

  test('a cache mode without writes is a skip', () => {
    const log = ["Cache save skipped: the effective cache-mode 'read-only' does not permit writes."];
    expect(readUploadLog(log, -1, KEY)).toEqual({ outcome: 'skipped', archiveBytes: null });
  });

  test('a 409 while reserving the key is a conflict; another refusal is a failure', () => {
    const log = (status: string) => [
      `::debug::Failed to reserve cache: Error: Failed to CreateCacheEntry: Received non-retryable error: Failed request: ${status}`,
      `Failed to save: Unable to reserve cache with key ${KEY}, another job may be creating this cache.`,
    ];
    expect(readUploadLog(log('(409) Conflict: cache entry already exists'), -1, KEY).outcome).toBe(
      'conflict',
    );
    expect(readUploadLog(log('(400) Bad Request: invalid key'), -1, KEY).outcome).toBe('failed');
  });

  test('a service that keeps failing is unavailable, with the reason', () => {
    const reason =
      'Error: Failed to CreateCacheEntry: Failed to make request after 5 attempts: Request timeout';
    const log = [
      `::debug::Failed to reserve cache: ${reason}`,
      `Failed to save: Unable to reserve cache with key ${KEY}, another job may be creating this cache.`,
    ];
    expect(readUploadLog(log, -1, KEY)).toEqual({ outcome: 'unavailable', reason, archiveBytes: null });
  });

  test('any other failure says whether the library warned already', () => {
    const warned = readUploadLog(['::warning::Failed to save: the blob store said 403'], -1, KEY);
    expect(warned).toEqual({
      outcome: 'failed',
      reason: 'the blob store said 403',
      archiveBytes: null,
      libraryWarned: true,
    });
    expect(readUploadLog([], -1, KEY)).toEqual({
      outcome: 'failed',
      reason: undefined,
      archiveBytes: null,
      libraryWarned: false,
    });
  });

  test('the last matching line wins, escaped newlines become spaces, and only service failures are unreachable', () => {
    const log = ['::warning::Failed to restore: first', '::error::Failed to restore: second%0Aline'];
    expect(libraryFailure(log, 'Failed to restore')).toBe('second line');
    expect(libraryFailure(log, 'Failed to save')).toBeUndefined();
    expect(serviceUnreachable('Unable to make request: ECONNREFUSED')).toBe(true);
    expect(serviceUnreachable('Cache service responded with 403')).toBe(false);
  });
});
