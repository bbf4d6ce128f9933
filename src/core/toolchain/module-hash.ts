// What Go's module hash is made of, as data: Hash1 over a module's files (golang.org/x/mod/sumdb/dirhash), the
// names a go.dev archive's files take in the golang.org/toolchain module, and the go.sum line that pins a hash.
// Reading archives to feed these is the shell's (io/toolchain/dirhash.ts).
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { decodeStdBase64 } from './note.js';
import { splitGoSumLine, type GoSumEntry } from './sumdb.js';

/** A file of a module, named as in its zip (`<module>@<version>/<path>`), with the SHA-256 of its content. */
export interface HashedFile {
  name: string;
  sha256Hex: string;
}

const EXAMPLE_SUM_LINE =
  'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=';

/**
 * Go's Hash1: the files sorted by name (byte order, as Go compares strings), one `<sha256hex>  <name>\n` line each,
 * SHA-256 over those lines, base64, prefixed `h1:`.
 */
export function hash1(files: readonly HashedFile[]): string {
  const sorted = files
    .map((file) => ({ ...file, nameBytes: Buffer.from(file.name, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
  const summary = createHash('sha256');
  for (const file of sorted) {
    if (file.name.includes('\n'))
      throw new Error(`dirhash: file name ${JSON.stringify(file.name)} has a newline`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256Hex)) {
      throw new Error(`dirhash: "${file.sha256Hex}" for ${file.name} is not a lowercase hex SHA-256`);
    }
    summary.update(`${file.sha256Hex}  ${file.name}\n`, 'utf8');
  }
  return `h1:${summary.digest('base64')}`;
}

/**
 * Parses the `toolchain-sum` input: one go.sum line for the toolchain module's zip, e.g.
 * `golang.org/toolchain v0.0.1-go1.25.4.linux-amd64 h1:…=`.
 */
export function parseGoSumLine(line: string): GoSumEntry {
  const fix = `give one line from go.sum for the module zip, such as "${EXAMPLE_SUM_LINE}"`;
  const entry = splitGoSumLine(line);
  if (entry === undefined) {
    throw new InputError(
      'toolchain-sum',
      `Input toolchain-sum "${line}" is not a go.sum line (<module> <version> <h1:hash>)`,
      fix,
    );
  }
  if (entry.version.endsWith('/go.mod')) {
    throw new InputError(
      'toolchain-sum',
      `Input toolchain-sum "${line}" is the hash of the module's go.mod file; verifying the download needs the hash of its zip`,
      `use the line without "/go.mod", such as "${EXAMPLE_SUM_LINE}"`,
    );
  }
  if (!/^v[0-9]/.test(entry.version)) {
    throw new InputError(
      'toolchain-sum',
      `"${entry.version}" in toolchain-sum "${line}" is not a module version`,
      fix,
    );
  }
  const digest = entry.hash.startsWith('h1:') ? decodeStdBase64(entry.hash.slice(3)) : undefined;
  if (digest?.length !== 32) {
    throw new InputError(
      'toolchain-sum',
      `"${entry.hash}" in toolchain-sum "${line}" is not an h1: hash (h1: and the base64 of 32 bytes)`,
      fix,
    );
  }
  return entry;
}

/** Directories of a go.dev archive that Go's release tooling leaves out of the golang.org/toolchain module. */
const OMITTED_FROM_MODULE = ['go/.github/', 'go/api/', 'go/doc/', 'go/misc/', 'go/test/'];

/**
 * The name a go.dev archive's file has in the golang.org/toolchain module zip Go's release tooling makes from the
 * same archive (x/build's TarToModFiles): `go/<path>` becomes `<module>@<version>/<path>`, a go.mod becomes
 * _go.mod (modules cannot hold nested go.mod files), and five directories are left out (undefined).
 */
export function toolchainModuleName(archiveName: string, prefix: string): string | undefined {
  if (!archiveName.startsWith('go/')) throw new Error(`${archiveName} is not under go/`);
  if (OMITTED_FROM_MODULE.some((dir) => archiveName.startsWith(dir))) return undefined;
  const renamed = archiveName.endsWith('/go.mod')
    ? `${archiveName.slice(0, -'go.mod'.length)}_go.mod`
    : archiveName;
  return `${prefix}${renamed.slice('go'.length)}`;
}
