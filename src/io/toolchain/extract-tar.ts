import { createWriteStream } from 'node:fs';
import { link, symlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ReadEntry } from 'tar';
import {
  ArchiveEntryChecker,
  ArchiveRefusedError,
  type ArchiveEntry,
  type EntryDecision,
} from '../../core/toolchain/archive-paths.js';
import { directoryMaker } from './extract-zip.js';
import { streamTarEntries } from './tar-stream.js';

export interface ExtractTarOptions {
  archivePath: string;
  /** Directory that receives the contents of `topDirectory`; created if missing, expected to be empty. */
  destination: string;
  /** The single top directory of the archive (`go` for go.dev archives); it is stripped. */
  topDirectory: string;
  /** Refuse archives whose files add up to more than this (gzip bombs). */
  maxExtractedBytes: number;
}

function describeEntry(entry: ReadEntry): ArchiveEntry {
  const base = { name: entry.path, size: 0 };
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return { ...base, kind: 'file', size: entry.size };
    case 'Directory':
      return { ...base, kind: 'directory' };
    case 'SymbolicLink':
      return { ...base, kind: 'symlink', linkTarget: entry.linkpath ?? '' };
    case 'Link':
      return { ...base, kind: 'hardlink', linkTarget: entry.linkpath ?? '' };
    default:
      return { ...base, kind: 'other', typeName: entry.type };
  }
}

/**
 * Extracts a .tar.gz (or plain .tar) entry by entry, streamed, stripping the top directory. Every entry is
 * checked by ArchiveEntryChecker before it is written: `..`, absolute paths, entries outside the top directory,
 * duplicates, links that leave the destination, writes through a link, device files and archives that expand
 * past the cap are refused, and the first refusal stops the extraction. A truncated or corrupt archive fails
 * too (the parser runs strict). Files are created exclusively, so nothing already on disk is followed or
 * overwritten.
 */
export async function extractTarGz(options: ExtractTarOptions): Promise<{ files: number; bytes: number }> {
  const checker = new ArchiveEntryChecker({
    topDirectory: options.topDirectory,
    maxExtractedBytes: options.maxExtractedBytes,
    allowLinks: true,
  });
  const makeDirectory = directoryMaker();
  await makeDirectory(options.destination);
  const stop = new AbortController();
  let firstError: Error | undefined;
  let files = 0;

  const fail = (error: Error) => {
    if (firstError) return;
    firstError = error;
    // A refused entry is emitted only once the one before it was read whole, so that one may finish writing;
    // after a read or write error, the entry being written may never end, so its write is cut off.
    if (!(error instanceof ArchiveRefusedError)) stop.abort(error);
    tar.abort(error);
  };

  const extractEntry = async (entry: ReadEntry, decision: EntryDecision): Promise<void> => {
    if (decision.action !== 'skip' && decision.action !== 'refuse') {
      const target = path.join(options.destination, decision.path);
      if (decision.action === 'file') {
        await makeDirectory(path.dirname(target));
        const mode = ((entry.mode ?? 0o644) & 0o111) !== 0 ? 0o755 : 0o644;
        await pipeline(entry, createWriteStream(target, { mode, flags: 'wx' }), { signal: stop.signal });
        files++;
        return;
      }
      await makeDirectory(decision.action === 'directory' ? target : path.dirname(target));
      if (decision.action === 'symlink') await symlink(decision.target, target);
      if (decision.action === 'hardlink') await link(path.join(options.destination, decision.target), target);
    }
    // Entries without a body end only once read; resuming lets the parser move on to the next one.
    entry.resume();
  };

  // The parser emits one entry at a time, each after the previous one was consumed, so chaining keeps the
  // writes in archive order (an entry's directory exists before its files, a link's file before the link).
  let work = Promise.resolve();
  const tar = streamTarEntries(
    options.archivePath,
    (entry) => {
      // Checked at once, not in the chain: a refusal must stop the parser before it inflates any further.
      const decision = checker.check(describeEntry(entry));
      if (decision.action === 'refuse') fail(new ArchiveRefusedError(options.archivePath, decision.reason));
      work = work.then(() => (firstError ? void entry.resume() : extractEntry(entry, decision))).catch(fail);
    },
    fail,
  );
  await tar.finished;
  await work;
  if (firstError) throw extractionFailure(options.archivePath, firstError);
  return { files, bytes: checker.bytes };
}

/** The error an extraction ends with: refusals as they are, anything else naming the archive. */
function extractionFailure(archivePath: string, error: Error): Error {
  if (error instanceof ArchiveRefusedError) return error;
  // node-tar's own bomb guard: the stream inflates far more than any real archive.
  if (/max decompression ratio exceeded/.test(error.message)) {
    return new ArchiveRefusedError(archivePath, error.message);
  }
  return new Error(`Cannot extract ${archivePath}: ${error.message}`, { cause: error });
}
