import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import {
  ArchiveEntryChecker,
  needsExecBit,
  restoredModuleFileName,
  type ArchiveEntry,
} from './archive-paths.js';

export interface ExtractZipOptions {
  zipPath: string;
  /** Directory that receives the contents of `topDirectory`. Created if missing. */
  destination: string;
  topDirectory: string;
  /** Refuse archives that would expand past this (zip bombs). */
  maxExtractedBytes: number;
  /** Toolchain modules: set exec bits and restore go.mod files as `go` does when it unpacks one. */
  moduleFixups: boolean;
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

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      zipPath,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true },
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
  const base = { name: entry.fileName, size: 0 };
  if (entry.fileName.endsWith('/') || type === S_IFDIR) return { ...base, kind: 'directory' };
  // A zip symlink's target is its content; it is refused before anything is read, so none is needed here.
  if (type === S_IFLNK) return { ...base, kind: 'symlink' };
  if (type !== 0 && type !== S_IFREG)
    return { ...base, kind: 'other', typeName: `file type 0o${type.toString(8)}` };
  return { ...base, kind: 'file', size: entry.uncompressedSize };
}

/**
 * Extracts a zip entry by entry (streamed, never whole in memory). Every entry is checked by
 * ArchiveEntryChecker before it is written: nothing lands outside the destination, symlinks and duplicates are
 * refused, and an archive that declares more than the cap is refused; yauzl's size validation stops an entry
 * that inflates past what it declares.
 */
export async function extractZip(options: ExtractZipOptions): Promise<{ files: number; bytes: number }> {
  const zip = await openZip(options.zipPath);
  const checker = new ArchiveEntryChecker({
    topDirectory: options.topDirectory,
    maxExtractedBytes: options.maxExtractedBytes,
    allowLinks: false,
    ...(options.moduleFixups ? { rename: (file: string) => restoredModuleFileName(file) ?? file } : {}),
  });
  let files = 0;
  await mkdir(options.destination, { recursive: true });

  const extractEntry = async (entry: yauzl.Entry): Promise<void> => {
    const decision = checker.check(describeEntry(entry));
    if (decision.action === 'refuse')
      throw new Error(`Refusing archive ${options.zipPath}: ${decision.reason}`);
    if (decision.action === 'skip') return;
    const target = path.join(options.destination, decision.path);
    if (decision.action === 'directory') {
      await mkdir(target, { recursive: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const executable =
      (unixMode(entry) & 0o111) !== 0 || (options.moduleFixups && needsExecBit(decision.path));
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    await pipeline(stream, createWriteStream(target, { mode: executable ? 0o755 : 0o644 })).catch(
      (error: Error) => {
        throw zipError(options.zipPath, error);
      },
    );
    files++;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(zipError(options.zipPath, error)));
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        extractEntry(entry).then(
          () => zip.readEntry(),
          (error: Error) => reject(zipError(options.zipPath, error)),
        );
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return { files, bytes: checker.bytes };
}
