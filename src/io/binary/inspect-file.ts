// The one module in binary/ that touches the file system; the parsers it feeds stay pure.
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { readGoBuildInfo, type GoBuildInfo } from '../../core/binary/buildinfo.js';
import { readFatSlices } from '../../core/binary/fat.js';
import { readBinaryHeader, type BinaryHeader } from '../../core/binary/header.js';
import { readMachOLayout } from '../../core/binary/macho-layout.js';

/** A built file as measured: size, hash, what its header says, and Go's build info when it has some. */
export interface InspectedBinary {
  sizeBytes: number;
  sha256: string;
  header: BinaryHeader;
  buildInfo?: GoBuildInfo;
  /** For a Mach-O: how many symbols its symbol table defines (0 when stripped). */
  machoDefinedSymbols?: number;
  /** For a universal Mach-O: each slice, in header order, measured from its own bytes. */
  slices?: InspectedSlice[];
}

/** One slice of a universal Mach-O: where it lies, its hash, and the Go build info inside it. */
export interface InspectedSlice {
  arch: string;
  offset: number;
  sizeBytes: number;
  sha256: string;
  buildInfo?: GoBuildInfo;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function inspectSlices(bytes: Uint8Array, header: BinaryHeader): InspectedSlice[] {
  return readFatSlices(bytes).map(({ offset, sizeBytes }, index) => {
    const slice = bytes.subarray(offset, offset + sizeBytes);
    const buildInfo = readGoBuildInfo(slice);
    return {
      arch: header.archs[index] ?? '',
      offset,
      sizeBytes,
      sha256: sha256Of(slice),
      ...(buildInfo ? { buildInfo } : {}),
    };
  });
}

/** Reads the file once and measures it; errors name the file. */
export async function inspectBinaryFile(filePath: string): Promise<InspectedBinary> {
  const bytes = await readFile(filePath);
  try {
    const header = readBinaryHeader(bytes);
    const buildInfo = readGoBuildInfo(bytes);
    const macho = header.format === 'macho' ? readMachOLayout(bytes) : undefined;
    return {
      sizeBytes: bytes.length,
      sha256: sha256Of(bytes),
      header,
      ...(buildInfo ? { buildInfo } : {}),
      ...(macho ? { machoDefinedSymbols: macho.definedSymbolCount } : {}),
      ...(header.fat ? { slices: inspectSlices(bytes, header) } : {}),
    };
  } catch (error) {
    throw new Error(`${filePath}: ${(error as Error).message}`, { cause: error });
  }
}

/** The first `length` bytes of a file (fewer when it is shorter). */
export async function readFileStart(filePath: string, length: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
