import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';

export interface TarEntryStream {
  /** Settles once the parser has ended or either stream has failed (the failure goes to `onError` first). */
  finished: Promise<void>;
  /** Stops reading: the file is closed and the parser aborted, which reports `error` through `onError`. */
  abort(error: Error): void;
}

/**
 * Reads a .tar.gz (or plain .tar) file through node-tar's strict parser, handing each entry to `onEntry` in
 * archive order. A truncated or corrupt archive is an error, never a short listing. Both the hash of a
 * toolchain and its extraction walk archives this way.
 */
export function streamTarEntries(
  archivePath: string,
  onEntry: (entry: ReadEntry) => void,
  onError: (error: Error) => void,
): TarEntryStream {
  const input = createReadStream(archivePath);
  const parser = new Parser({ strict: true });
  const abort = (error: Error) => {
    input.unpipe(parser);
    input.destroy();
    parser.abort(error);
  };
  const finished = new Promise<void>((resolve) => {
    const failed = (error: Error) => {
      onError(error);
      resolve();
    };
    parser.on('entry', onEntry);
    parser.on('end', resolve);
    parser.on('error', failed);
    input.on('error', failed);
    input.pipe(parser);
  });
  return { finished, abort };
}
