// Go's "h1:" module hash (golang.org/x/mod/sumdb/dirhash Hash1) over a module zip as `go` computes it, and over
// a go.dev archive as the module made from it; the hash itself and the file names are core/toolchain/module-hash.ts.
import { createHash } from 'node:crypto';
import type { ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { hash1, toolchainModuleName, type HashedFile } from '../../core/toolchain/module-hash.js';
import { streamTarEntries } from './tar-stream.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A zip entry's name as Go's dirhash sees it: the stored bytes, which must be UTF-8. */
export function zipEntryName(zipPath: string, entry: yauzl.Entry): string {
  try {
    return utf8.decode(entry.fileNameRaw);
  } catch {
    throw new Error(`${zipPath}: entry name ${entry.fileNameRaw.toString('hex')} (hex) is not valid UTF-8`);
  }
}

/**
 * The h1: hash of a module zip, as `go` computes it before trusting a download: every entry (directory entries
 * too, as Go's dirhash.HashZip includes them) streamed through SHA-256 one at a time, names taken as stored.
 * Two entries with one name are refused: Go refuses such a zip when extracting it, and which copy an extractor
 * keeps is not something the hash can vouch for.
 */
export async function hashModuleZip(zipPath: string): Promise<string> {
  // Raw names, as Go's archive/zip reads them: no CP437 guessing, no rewriting by yauzl.
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, decodeStrings: false, autoClose: false });
  try {
    const files: HashedFile[] = [];
    const seen = new Set<string>();
    for await (const entry of zip.eachEntry()) {
      const name = zipEntryName(zipPath, entry);
      if (seen.has(name)) throw new Error(`${zipPath}: more than one entry is named ${name}`);
      seen.add(name);
      const content = createHash('sha256');
      for await (const chunk of await zip.openReadStreamPromise(entry)) content.update(chunk);
      files.push({ name, sha256Hex: content.digest('hex') });
    }
    return hash1(files);
  } finally {
    zip.close();
  }
}

/** Caps on hashing one archive: a bomb of tiny or overlapping entries stops here, not after minutes. */
export interface HashLimits {
  maxInflatedBytes: number;
  maxEntries: number;
}

/**
 * The h1: hash the golang.org/toolchain module made from this go.dev archive would have: its regular files,
 * renamed as the release tooling renames them, each hashed as it streams by (nothing is written to disk, nothing
 * runs). The checksum database's h1: for that module, which the archive's server does not control, vouches for
 * the archive when they match.
 */
export async function hashGoArchiveAsModule(
  archivePath: string,
  module: { path: string; version: string },
  limits: HashLimits,
): Promise<string> {
  const prefix = `${module.path}@${module.version}`;
  const tally = moduleTally(archivePath, limits);
  if (archivePath.endsWith('.zip')) await tallyZip(archivePath, prefix, tally);
  else await tallyTarGz(archivePath, prefix, tally);
  return hash1(tally.files);
}

/** The files hashed so far, with the caps on entries and inflated bytes that stop a bomb partway. */
interface ModuleTally {
  files: HashedFile[];
  add(name: string, sha256Hex: string): void;
  count(bytes: number): void;
  countEntry(): void;
}

function moduleTally(archivePath: string, limits: HashLimits): ModuleTally {
  const files: HashedFile[] = [];
  const seen = new Set<string>();
  let inflated = 0;
  let entries = 0;
  const add = (name: string, sha256Hex: string) => {
    if (seen.has(name)) throw new Error(`${archivePath}: more than one entry is named ${name}`);
    seen.add(name);
    files.push({ name, sha256Hex });
  };
  const count = (bytes: number) => {
    inflated += bytes;
    if (inflated > limits.maxInflatedBytes)
      throw new Error(
        `${archivePath} inflates past ${limits.maxInflatedBytes} bytes; refusing to hash further`,
      );
  };
  const countEntry = () => {
    if (++entries > limits.maxEntries)
      throw new Error(
        `${archivePath} holds more than ${limits.maxEntries} entries; refusing to hash further`,
      );
  };

  return { files, add, count, countEntry };
}

async function tallyZip(archivePath: string, prefix: string, tally: ModuleTally): Promise<void> {
  const { add, count, countEntry } = tally;
  const zip = await yauzl.openPromise(archivePath, {
    lazyEntries: true,
    decodeStrings: false,
    autoClose: false,
  });
  try {
    for await (const entry of zip.eachEntry()) {
      countEntry();
      const name = zipEntryName(archivePath, entry);
      if (name.endsWith('/')) continue;
      const moduleName = toolchainModuleName(name, prefix);
      const content = createHash('sha256');
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        count((chunk as Buffer).length);
        content.update(chunk as Buffer);
      }
      if (moduleName) add(moduleName, content.digest('hex'));
    }
  } finally {
    zip.close();
  }
}

async function tallyTarGz(archivePath: string, prefix: string, tally: ModuleTally): Promise<void> {
  const { add, count, countEntry } = tally;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    tar.abort(error);
  };
  // The tally throws past its limits; inside a stream's event handler that would kill the process.
  const guarded =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        fail(error as Error);
      }
    };
  const hashEntry = (entry: ReadEntry) => {
    countEntry();
    // Only regular files go into the module (directories, links and devices are left out, as Go does).
    if (entry.type !== 'File' && entry.type !== 'OldFile') {
      entry.resume();
      return;
    }
    const moduleName = toolchainModuleName(entry.path, prefix);
    const content = createHash('sha256');
    entry.on(
      'data',
      guarded((chunk: Buffer) => {
        count(chunk.length);
        content.update(chunk);
      }),
    );
    entry.on(
      'end',
      guarded(() => {
        if (moduleName && !failure) add(moduleName, content.digest('hex'));
      }),
    );
  };
  const tar = streamTarEntries(archivePath, guarded(hashEntry), fail);
  await tar.finished;
  if (failure) throw new Error(`Cannot hash ${archivePath}: ${failure.message}`, { cause: failure });
}
