import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { hash1, type HashedFile } from '../../core/toolchain/module-hash.js';
import { zipEntryName } from './dirhash.js';
import {
  ArchiveEntryChecker,
  ArchiveRefusedError,
  MAX_ARCHIVE_ENTRIES,
  needsExecBit,
  restoredModuleFileName,
  type ArchiveEntry,
  type EntryDecision,
} from '../../core/toolchain/archive-paths.js';

export interface ExtractZipOptions {
  zipPath: string;
  /** Directory that receives the contents of `topDirectory`. Created if missing. */
  destination: string;
  topDirectory: string;
  /** Refuse archives that would expand past this (zip bombs). */
  maxExtractedBytes: number;
  /** Toolchain modules: set exec bits and restore go.mod files as `go` does when it unpacks one. */
  moduleFixups: boolean;
  /**
   * Also compute the zip's h1: module hash (as {@link hashModuleZip} does) from the bytes as they are written,
   * so a module is verified and extracted in one pass over the archive. The caller compares it before it lets
   * anything out of the destination.
   */
  moduleHash?: boolean;
}

export interface ExtractZipResult {
  files: number;
  bytes: number;
  /** The h1: hash of the zip, when `moduleHash` was asked for. */
  h1?: string;
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
}

/** Feeds an entry's bytes to `hash` on their way to the file. */
function tapInto(source: Readable, hash: Hash): Readable {
  source.on('data', (chunk: Buffer) => hash.update(chunk));
  return source;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** The "version made by" host byte for Unix: only then do the external attributes' high 16 bits hold a mode. */
const CREATOR_UNIX = 3;

/** yauzl refuses these entry names itself, before an entry reaches ArchiveEntryChecker. */
const YAUZL_NAME_REFUSAL = /^(absolute path|invalid relative path|invalid characters in fileName): /;

/** Errors from yauzl (names it refuses, sizes that lie, a damaged archive) and the file system, naming the zip. */
function zipError(zipPath: string, error: Error): Error {
  if (error instanceof ArchiveRefusedError) return error;
  if (YAUZL_NAME_REFUSAL.test(error.message)) return new ArchiveRefusedError(zipPath, error.message);
  return new Error(`Cannot extract ${zipPath}: ${error.message}`, { cause: error });
}

/**
 * autoClose is off: yauzl closes the file one tick after the central directory's last entry is read, while
 * entries handed out before it may still be waiting for their directories (and have not opened their streams
 * yet); they would then fail with "closed". extractZip closes the file itself once every write has settled.
 */
function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      zipPath,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: false },
      (error, zip) => (error ? reject(zipError(zipPath, error)) : resolve(zip)),
    ),
  );
}

function unixMode(entry: yauzl.Entry): number {
  return entry.versionMadeBy >>> 8 === CREATOR_UNIX ? (entry.externalFileAttributes >>> 16) & 0xffff : 0;
}

function describeEntry(entry: yauzl.Entry): ArchiveEntry {
  const mode = unixMode(entry);
  const type = mode & S_IFMT;
  const base = { name: entry.fileName, size: entry.uncompressedSize };
  if (entry.fileName.endsWith('/') || type === S_IFDIR) return { ...base, kind: 'directory' };
  // A zip symlink's target is its content; it is refused before anything is read, so none is needed here.
  if (type === S_IFLNK) return { ...base, kind: 'symlink' };
  if (type !== 0 && type !== S_IFREG) {
    return { ...base, kind: 'other', typeName: `file type 0o${type.toString(8)}` };
  }
  return { ...base, kind: 'file' };
}

/** `mkdir -p` that remembers what it made: archives list thousands of files in a few hundred directories. */
export function directoryMaker(): (directory: string) => Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  return async (directory) => {
    let making = made.get(directory);
    if (!making) {
      making = mkdir(directory, { recursive: true });
      made.set(directory, making);
    }
    await making;
  };
}

/**
 * Copies an entry into its file. When the file fails (a full disk), the entry is read to its end instead of
 * destroyed: yauzl's reader throws, uncaught, when its stream is destroyed while one of its reads is queued.
 */
function copyEntry(source: Readable, sink: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    let sinkError: Error | undefined;
    source.once('error', (error) => {
      sink.destroy();
      reject(error);
    });
    sink.once('error', (error) => {
      sinkError = error;
      source.unpipe(sink);
      if (source.readableEnded) reject(error);
      source.once('end', () => reject(error));
      source.resume();
    });
    sink.once('close', () => {
      if (!sinkError) resolve();
    });
    source.pipe(sink);
  });
}

/**
 * Files written at once. Creating a file takes several round trips to the thread pool (open, write, close, in
 * a profile the main thread sat idle half the time), so a few writes in parallel hide that latency.
 */
const PARALLEL_WRITES = 4;

/**
 * Extracts a zip entry by entry (streamed, never whole in memory; a few files written in parallel). Every entry
 * is checked by ArchiveEntryChecker, in archive order, before it is written: nothing lands outside the
 * destination, links and duplicates are refused, and so is an archive that declares more than the cap; yauzl's
 * size validation stops an entry that inflates past what it declares. On failure, the writes under way finish
 * (or fail) before this rejects, so the caller can remove the destination without racing them.
 */
export async function extractZip(options: ExtractZipOptions): Promise<ExtractZipResult> {
  const zip = await openZip(options.zipPath);
  // The end record says how many entries follow: a zip of too many is refused before the first is made.
  if (zip.entryCount > MAX_ARCHIVE_ENTRIES) {
    zip.close();
    throw new ArchiveRefusedError(options.zipPath, `it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
  }
  const checker = new ArchiveEntryChecker({
    topDirectory: options.topDirectory,
    maxExtractedBytes: options.maxExtractedBytes,
    allowLinks: false,
    ...(options.moduleFixups ? { rename: (file: string) => restoredModuleFileName(file) ?? file } : {}),
  });
  let files = 0;
  const makeDirectory = directoryMaker();
  const hashed: HashedFile[] = [];

  const writeEntry = async (entry: yauzl.Entry, decision: EntryDecision): Promise<void> => {
    const hash = options.moduleHash ? createHash('sha256') : undefined;
    if (hash) hashed.push({ name: zipEntryName(options.zipPath, entry), sha256Hex: '' });
    const record = hashed.at(-1);
    if (decision.action === 'file') {
      const target = path.join(options.destination, decision.path);
      await makeDirectory(path.dirname(target));
      const executable =
        (unixMode(entry) & 0o111) !== 0 || (options.moduleFixups && needsExecBit(decision.path));
      const stream = await openEntry(zip, entry);
      await copyEntry(
        hash ? tapInto(stream, hash) : stream,
        createWriteStream(target, { mode: executable ? 0o755 : 0o644, flags: 'wx' }),
      );
      files++;
    } else {
      if (decision.action === 'directory') await makeDirectory(path.join(options.destination, decision.path));
      // The hash covers every entry's content, as Go's does; entries not written here are read for it alone.
      if (hash && entry.uncompressedSize > 0) {
        for await (const chunk of await openEntry(zip, entry)) hash.update(chunk as Buffer);
      }
    }
    if (hash && record) record.sha256Hex = hash.digest('hex');
  };

  try {
    await makeDirectory(options.destination);
    await writeEntries(zip, options.zipPath, checker, writeEntry);
  } finally {
    zip.close();
  }
  return { files, bytes: checker.bytes, ...(options.moduleHash ? { h1: hash1(hashed) } : {}) };
}

/**
 * Reads the zip's entries in order, each checked before it is handed to `writeEntry`, with up to PARALLEL_WRITES
 * writes under way. Settles once every write under way has settled: resolved, or rejected with the first failure.
 */
function writeEntries(
  zip: yauzl.ZipFile,
  zipPath: string,
  checker: ArchiveEntryChecker,
  writeEntry: (entry: yauzl.Entry, decision: EntryDecision) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const writing = new Set<Promise<void>>();
    let failure: Error | undefined;
    let waitingForSlot = false;
    const settle = () =>
      void Promise.allSettled([...writing]).then(() => (failure ? reject(failure) : resolve()));
    const fail = (error: Error) => {
      if (failure) return;
      failure = zipError(zipPath, error);
      settle();
    };
    const readNext = () => {
      if (!failure) zip.readEntry();
    };
    zip.on('error', fail);
    zip.on('end', settle);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (failure) return;
      const decision = checker.check(describeEntry(entry));
      if (decision.action === 'refuse') {
        fail(new ArchiveRefusedError(zipPath, decision.reason));
        return;
      }
      const write: Promise<void> = writeEntry(entry, decision).then(() => {
        writing.delete(write);
        if (waitingForSlot) {
          waitingForSlot = false;
          readNext();
        }
      }, fail);
      writing.add(write);
      if (writing.size < PARALLEL_WRITES) readNext();
      else waitingForSlot = true;
    });
    readNext();
  });
}
