// Archives for extraction and install tests: small hand-built zips and tarballs (hostile ones included, which
// no archiver would write), and the real go1.25.4 toolchain for this host, downloaded once by the go command through
// the Go module proxy into a module cache under node_modules/.cache/setup-go-arm64-tests/, plus a go.dev-style
// tarball repacked from it and the index a go.dev mirror would list it in.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { create as createTar, Header, type HeaderData } from 'tar';
import { extractZip } from '../../src/io/toolchain/extract-zip.js';
import { goDevArchiveName, HOST, toolchainModuleVersion } from './host.js';

const execFileAsync = promisify(execFile);

export const testCacheDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/setup-go-arm64-tests',
);

/** sum.golang.org's real answers for the toolchain module (and its tiles), recorded below its proxy URL path. */
export const RECORDED_CHECKSUM_DATABASE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../__tests__/fixtures/sumdb/proxy/sumdb/sum.golang.org',
);

const REAL_GO_VERSION = '1.25.4';

/**
 * The real toolchain the tests install, the one for this host: its version, and its module as the Go module proxy
 * serves it.
 */
export const REAL_TOOLCHAIN = {
  goVersion: REAL_GO_VERSION,
  modulePath: 'golang.org/toolchain',
  moduleVersion: toolchainModuleVersion(REAL_GO_VERSION),
  goDevFilename: goDevArchiveName(REAL_GO_VERSION),
} as const;

/**
 * The go.sum line sum.golang.org signed for the real toolchain module, from its recorded answer (each host the
 * tests run on has one; scripts/fixtures/sumdb.ts records them).
 */
export function recordedToolchainSum(): string {
  const answer = path.join(
    RECORDED_CHECKSUM_DATABASE,
    'lookup',
    `${REAL_TOOLCHAIN.modulePath}@${REAL_TOOLCHAIN.moduleVersion}`,
  );
  const prefix = `${REAL_TOOLCHAIN.modulePath} ${REAL_TOOLCHAIN.moduleVersion} h1:`;
  const line = existsSync(answer)
    ? readFileSync(answer, 'utf8')
        .split('\n')
        .find((candidate) => candidate.startsWith(prefix))
    : undefined;
  if (!line) {
    throw new Error(
      `No recorded sum.golang.org answer for ${REAL_TOOLCHAIN.moduleVersion} in ${answer}: add this host to ` +
        'scripts/fixtures/sumdb.ts and run it',
    );
  }
  return line;
}

/** Creates `file` by `produce(partialPath)` unless it exists; the rename makes concurrent test runs safe. */
async function cached(file: string, produce: (partial: string) => Promise<void>): Promise<string> {
  if (await stat(file).catch(() => undefined)) return file;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  try {
    await produce(partial);
    await rename(partial, file);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return file;
}

/** Where `go mod download` keeps the real toolchain module: a Go module cache of the tests' own. */
export const toolchainModuleCache = path.join(testCacheDir, 'gomodcache');

/** What `go mod download -json` reports for the real toolchain module. */
export interface DownloadedModule {
  /** The module zip inside the module cache. */
  zip: string;
  /** Go's own h1: hash of the zip (checked against sum.golang.org by the go command as it downloaded). */
  sum: string;
  /** `<GOMODCACHE>/cache/download`: a tree a GOPROXY (http:// or file://) can serve as it is. */
  proxyDir: string;
}

/**
 * The real toolchain module in Go's own module cache, downloaded once by the go command through proxy.golang.org
 * (64 MB); later calls, concurrent ones included, find it there (the go command locks its cache).
 */
export async function downloadedToolchainModule(): Promise<DownloadedModule> {
  const { stdout } = await execFileAsync(
    'go',
    ['mod', 'download', '-json', `${REAL_TOOLCHAIN.modulePath}@${REAL_TOOLCHAIN.moduleVersion}`],
    {
      // Outside any module, so no go.mod around the tests decides what is downloaded.
      cwd: os.tmpdir(),
      env: {
        ...process.env,
        GOMODCACHE: toolchainModuleCache,
        GOFLAGS: '-modcacherw',
        GOTOOLCHAIN: 'local',
        GOPROXY: 'https://proxy.golang.org',
        GOSUMDB: 'sum.golang.org',
        GONOSUMDB: '',
        GOPRIVATE: '',
      },
      maxBuffer: 1024 * 1024,
    },
  );
  const reported = JSON.parse(stdout) as { Zip?: string; Sum?: string; Error?: string };
  if (reported.Error || !reported.Zip || !reported.Sum)
    throw new Error(`go mod download ${REAL_TOOLCHAIN.modulePath}: ${reported.Error ?? stdout}`);
  return {
    zip: reported.Zip,
    sum: reported.Sum,
    proxyDir: path.join(toolchainModuleCache, 'cache', 'download'),
  };
}

/** The real toolchain module zip (64 MB), from Go's own module cache. */
export async function toolchainModuleZip(): Promise<string> {
  return (await downloadedToolchainModule()).zip;
}

/**
 * A go.dev-shaped `go1.25.4.<host>.tar.gz`: the toolchain module's files (go.mod restored, exec bits set, as
 * go.dev ships them) under `go/`, packed by node-tar. Built once from the module zip and cached.
 */
export function goDevTarball(): Promise<string> {
  return cached(path.join(testCacheDir, REAL_TOOLCHAIN.goDevFilename), async (partial) => {
    const zip = await toolchainModuleZip();
    const work = await mkdtemp(path.join(os.tmpdir(), 'godev-tarball-'));
    try {
      await extractZip({
        zipPath: zip,
        destination: path.join(work, 'go'),
        topDirectory: `${REAL_TOOLCHAIN.modulePath}@${REAL_TOOLCHAIN.moduleVersion}`,
        maxExtractedBytes: 1024 ** 3,
        moduleFixups: true,
      });
      await createTar({ gzip: { level: 1 }, cwd: work, portable: true, file: partial }, ['go']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

/** The SHA-256 of a file, streamed, in hex. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A go.dev-shaped release index (`?mode=json&include=all`) listing only the real toolchain's archive for this host
 * with this hash and size, as a mirror of go.dev would serve it.
 */
export function goDevIndexJson(archive: { sha256: string; size: number }): string {
  const version = `go${REAL_TOOLCHAIN.goVersion}`;
  return JSON.stringify([
    {
      version,
      stable: true,
      files: [
        {
          filename: REAL_TOOLCHAIN.goDevFilename,
          os: HOST.goos,
          arch: HOST.goarch,
          version,
          sha256: archive.sha256,
          size: archive.size,
          kind: 'archive',
        },
      ],
    },
  ]);
}

export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  /** Unix mode with its file type bits (0o100644, 0o120777 for a symlink); stored as a Unix-made entry. */
  mode?: number;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Claim this uncompressed size in the headers instead of the real one. */
  declaredSize?: number;
  /**
   * Writes no data of its own: the central directory points at this earlier entry's local record, so many
   * entries can share one compressed run (an overlapping zip bomb).
   */
  overlaps?: number;
}

/**
 * Writes a zip by hand (local headers, central directory, end record), so tests can build entries no archiver
 * would: `../` names, symlinks, duplicates, sizes that lie.
 */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const records: { offset: number; local: Buffer }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.overlaps !== undefined) {
      const shared = records[entry.overlaps]!;
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE((3 << 8) | 20, 4);
      shared.local.copy(central, 6, 4, 30); // version needed … name length, as in the shared record
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      central.writeUInt32LE(shared.offset, 42);
      centrals.push(central, name);
      records.push(shared);
      continue;
    }
    const data = Buffer.from(entry.data ?? '');
    const compressed = entry.store ? data : deflateRawSync(data);
    const method = entry.store ? 0 : 8;
    const crc = crc32(data);
    const size = entry.declaredSize ?? data.length;
    const mode = entry.mode ?? (entry.name.endsWith('/') ? 0o040755 : 0o100644);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);
    records.push({ offset, local });

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes hold a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  // More entries than the end record's 16 bits can count: a ZIP64 end record and its locator hold the count.
  const zip64 = entries.length > 0xffff;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (!zip64) return Buffer.concat([...locals, directory, end]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4); // the size of the rest of the record
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directory, end64, locator, end]);
}

export interface TarEntrySpec extends Omit<HeaderData, 'size'> {
  path: string;
  data?: Buffer | string;
}

/** Writes a .tar.gz from raw headers (node-tar's Header), so entries may be anything a hostile archive holds. */
export function buildTarGz(entries: TarEntrySpec[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { data, ...fields } of entries) {
    const body = Buffer.from(data ?? '');
    const type = fields.type ?? 'File';
    const header = new Header({
      mode: type === 'Directory' ? 0o755 : 0o644,
      mtime: new Date(0),
      uid: 0,
      gid: 0,
      ...fields,
      type,
      size: body.length,
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
