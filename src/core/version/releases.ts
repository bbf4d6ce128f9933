import type { Release, ReleaseFile } from './resolve.js';
import { compareGoVersions, isGoPrerelease, isValidGoVersion } from './spec.js';

/** A release index whose text is not what its source publishes (an error page, a truncated body, a new format). */
export class IndexShapeError extends Error {
  override readonly name = 'IndexShapeError';
}

const FILE_KINDS: ReadonlySet<string> = new Set(['archive', 'installer', 'source']);

/** The only toolchain module packaging there is; the go command downloads `v0.0.1-go<version>.<os>-<arch>`. */
const TOOLCHAIN_MODULE_PREFIX = 'v0.0.1-go';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function parseGoDevFile(raw: unknown, where: string): ReleaseFile | undefined {
  if (!isRecord(raw)) throw new IndexShapeError(`${where} is not an object: ${describe(raw)}`);
  const { filename, os, arch, kind, sha256, size } = raw;
  if (typeof filename !== 'string' || filename === '' || typeof os !== 'string' || typeof arch !== 'string') {
    throw new IndexShapeError(`${where} lacks a filename, os or arch string: ${describe(raw)}`);
  }
  if (typeof kind !== 'string') throw new IndexShapeError(`${where} (${filename}) has no kind`);
  // A kind introduced after this code was written is a file we would not know how to install: skip it.
  if (!FILE_KINDS.has(kind)) return undefined;
  if (
    sha256 !== undefined &&
    sha256 !== '' &&
    (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
  ) {
    throw new IndexShapeError(`${where} (${filename}) has a malformed sha256: ${describe(sha256)}`);
  }
  if (size !== undefined && (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)) {
    throw new IndexShapeError(`${where} (${filename}) has a malformed size: ${describe(size)}`);
  }
  return {
    filename,
    os,
    arch,
    kind: kind as ReleaseFile['kind'],
    ...(sha256 ? { sha256 } : {}),
    ...(size !== undefined ? { size } : {}),
  };
}

/**
 * Parses go.dev's release index (`https://go.dev/dl/?mode=json&include=all`): an array of
 * `{version: "go1.25.4", stable, files: [{filename, os, arch, version, sha256, size, kind}]}`. Returns releases
 * newest first. Throws IndexShapeError for text that is not that shape. Releases whose version Go's own version
 * code refuses (such as the old `go1.9.2rc2`, a pre-release of a patch release) are left out, as the go command
 * leaves them out, and so are files of a kind other than archive, installer or source.
 */
export function parseGoDevIndex(json: string): Release[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new IndexShapeError(
      `The Go release index is not JSON (${(error as Error).message}): ${describe(json)}`,
    );
  }
  if (!Array.isArray(data))
    throw new IndexShapeError(`The Go release index is not a JSON array: ${describe(data)}`);
  const releases = new Map<string, Release>();
  data.forEach((raw: unknown, index) => {
    const where = `Release #${index + 1} of the Go release index`;
    if (!isRecord(raw)) throw new IndexShapeError(`${where} is not an object: ${describe(raw)}`);
    const { version, stable, files } = raw;
    if (typeof version !== 'string' || !version.startsWith('go')) {
      throw new IndexShapeError(`${where} has no "go…" version: ${describe(version)}`);
    }
    if (typeof stable !== 'boolean')
      throw new IndexShapeError(`${where} (${version}) has no boolean "stable"`);
    if (!Array.isArray(files)) throw new IndexShapeError(`${where} (${version}) has no "files" array`);
    const parsedFiles = files
      .map((file: unknown, fileIndex) => parseGoDevFile(file, `File #${fileIndex + 1} of ${version}`))
      .filter((file): file is ReleaseFile => file !== undefined);
    const bare = version.slice(2);
    if (!isValidGoVersion(bare) || releases.has(bare)) return;
    releases.set(bare, { version: bare, stable, files: parsedFiles });
  });
  return [...releases.values()].sort((a, b) => compareGoVersions(b.version, a.version));
}

/**
 * Parses a Go module proxy's version list of golang.org/toolchain (`<proxy>/golang.org/toolchain/@v/list`), one
 * module version a line, `v0.0.1-go1.25.4.linux-amd64`, into releases newest first, each with `module` files
 * named `<module version>.zip`. A release is stable when it is not an alpha, beta or rc. Versions of another
 * packaging than v0.0.1, and Go versions Go's own code refuses, are skipped (as the go command skips them); a
 * line of any other shape throws IndexShapeError.
 */
export function parseToolchainModuleList(text: string): Release[] {
  const releases = new Map<string, Release>();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const match = /^v[0-9]+\.[0-9]+\.[0-9]+-go([0-9][0-9a-z.]*)\.([a-z0-9]+)-([a-z0-9]+)$/.exec(line);
    if (!match) {
      throw new IndexShapeError(
        `Line ${index + 1} of the toolchain module list is not a toolchain module version: ${describe(line)}`,
      );
    }
    const [, version = '', os = '', arch = ''] = match;
    if (!line.startsWith(TOOLCHAIN_MODULE_PREFIX) || !isValidGoVersion(version)) return;
    const release = releases.get(version) ?? { version, stable: !isGoPrerelease(version), files: [] };
    releases.set(version, release);
    const filename = `${line}.zip`;
    if (!release.files.some((file) => file.filename === filename)) {
      release.files.push({ filename, os, arch, kind: 'module' });
    }
  });
  return [...releases.values()].sort((a, b) => compareGoVersions(b.version, a.version));
}
