// The universal (fat) Mach-O format, pure: where each thin slice goes, the header that says so, and reading the
// header back. The header is big-endian: magic 0xcafebabe, the slice count, then one fat_arch per slice
// {cputype, cpusubtype, offset, size, align} (five uint32, align as a power of two); fat_arch_64 widens offset
// and size to uint64, for files past 4 GiB.

const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const FAT_HEADER_BYTES = 8;
const FAT_ARCH_BYTES = 20;
const FAT_ARCH_64_BYTES = 32; // cputype, cpusubtype, offset (uint64), size (uint64), align, reserved
const MH_MAGIC_64 = 0xfeedfacf;
const CPU_ARCH_ABI64 = 0x01000000;
const CPU_TYPE_X86 = 7;
const CPU_TYPE_ARM = 12;
const CPU_TYPE_POWERPC = 18;
const CPU_TYPE_ARM64 = CPU_TYPE_ARM | CPU_ARCH_ABI64;
/** The 32-bit fat_arch holds offsets and sizes as uint32. */
const MAX_FAT_OFFSET = 0xffffffff;

/** A thin Mach-O's CPU, as its own header states it. */
export interface MachOCpu {
  cpuType: number;
  cpuSubtype: number;
}

/** One slice of a universal file: its CPU, where it starts, how long it is, and its alignment (log2). */
export interface FatSlice extends MachOCpu {
  offset: number;
  sizeBytes: number;
  alignLog2: number;
}

/** Where each thin file goes in a universal file, in the order the header lists them. */
export interface FatLayout {
  /** The bytes before the first slice's offset start with this header; the rest is zero padding. */
  header: Uint8Array;
  /** In file order; `input` is the slice's index in the list given to {@link planFatLayout}. */
  slices: (FatSlice & { input: number })[];
  totalBytes: number;
}

/** The CPU of a thin little-endian 64-bit Mach-O (what Go links for darwin), from its first 12 bytes. */
export function readMachOCpu(bytes: Uint8Array): MachOCpu {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== MH_MAGIC_64) {
    throw new Error('Not a thin 64-bit little-endian Mach-O, so it cannot be a slice of a universal binary');
  }
  return { cpuType: view.getUint32(4, true), cpuSubtype: view.getUint32(8, true) };
}

/**
 * The alignment lipo gives a slice of an executable: the page size its CPU runs with, 16 KiB for Darwin on ARM
 * and 4 KiB for x86 and PowerPC.
 */
export function sliceAlignLog2(cpuType: number): number {
  switch (cpuType & ~CPU_ARCH_ABI64) {
    case CPU_TYPE_ARM:
      return 14;
    case CPU_TYPE_X86:
    case CPU_TYPE_POWERPC:
      return 12;
    default:
      throw new Error(`No universal-binary alignment is known for CPU type 0x${cpuType.toString(16)}`);
  }
}

/**
 * lipo's order, so the file matches what `lipo -create` writes: arm64 slices last (cctools lipo did so, and
 * llvm-lipo keeps it), the rest by alignment to save padding; equal CPU types by subtype.
 */
function lipoOrder(a: MachOCpu & { alignLog2: number }, b: MachOCpu & { alignLog2: number }): number {
  if (a.cpuType === b.cpuType) return a.cpuSubtype - b.cpuSubtype;
  if (a.cpuType === CPU_TYPE_ARM64) return 1;
  if (b.cpuType === CPU_TYPE_ARM64) return -1;
  return a.alignLog2 - b.alignLog2;
}

/** Lays out thin files of the given CPUs and sizes in one universal file: offsets, alignment and header. */
export function planFatLayout(thin: (MachOCpu & { sizeBytes: number })[]): FatLayout {
  if (thin.length === 0) throw new Error('A universal binary needs at least one slice');
  const cpus = thin.map(({ cpuType, cpuSubtype }) => `${cpuType}/${cpuSubtype}`);
  const repeated = cpus.find((cpu, index) => cpus.indexOf(cpu) !== index);
  if (repeated) throw new Error(`Two slices have the same CPU type and subtype (${repeated})`);
  const ordered = thin
    .map((slice, input) => ({ ...slice, input, alignLog2: sliceAlignLog2(slice.cpuType) }))
    .sort(lipoOrder);
  let end = FAT_HEADER_BYTES + thin.length * FAT_ARCH_BYTES;
  const slices = ordered.map((slice) => {
    const alignment = 2 ** slice.alignLog2;
    const offset = Math.ceil(end / alignment) * alignment;
    end = offset + slice.sizeBytes;
    if (end > MAX_FAT_OFFSET) {
      throw new Error(
        `The universal binary would be ${end} bytes, past the 4 GiB a 32-bit fat header can hold`,
      );
    }
    return { ...slice, offset };
  });
  return { header: fatHeader(slices), slices, totalBytes: end };
}

function fatHeader(slices: FatSlice[]): Uint8Array {
  const header = new Uint8Array(FAT_HEADER_BYTES + slices.length * FAT_ARCH_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, FAT_MAGIC, false);
  view.setUint32(4, slices.length, false);
  slices.forEach((slice, index) => {
    const at = FAT_HEADER_BYTES + index * FAT_ARCH_BYTES;
    [slice.cpuType, slice.cpuSubtype, slice.offset, slice.sizeBytes, slice.alignLog2].forEach((word, field) =>
      view.setUint32(at + field * 4, word, false),
    );
  });
  return header;
}

/**
 * The slices a universal Mach-O's header lists (fat_arch or fat_arch_64), in header order; each must lie inside
 * the `fileBytes` the file has. readBinaryHeader tells a fat file from a Java class file first.
 */
export function readFatSlices(bytes: Uint8Array, fileBytes = bytes.length): FatSlice[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= FAT_HEADER_BYTES ? view.getUint32(0, false) : 0;
  if (magic !== FAT_MAGIC && magic !== FAT_MAGIC_64) {
    throw new Error('Not a universal Mach-O (magic 0xcafebabe or 0xcafebabf)');
  }
  const wide = magic === FAT_MAGIC_64;
  const entryBytes = wide ? FAT_ARCH_64_BYTES : FAT_ARCH_BYTES;
  const count = view.getUint32(4, false);
  if (bytes.length < FAT_HEADER_BYTES + count * entryBytes) {
    throw new Error(`Truncated universal Mach-O: its header lists ${count} slices`);
  }
  return Array.from({ length: count }, (_, index) => {
    const at = FAT_HEADER_BYTES + index * entryBytes;
    const word = (field: number) => view.getUint32(at + field * 4, false);
    const long = (field: number) => Number(view.getBigUint64(at + field * 4, false));
    const slice = wide
      ? { offset: long(2), sizeBytes: long(4), alignLog2: word(6) }
      : { offset: word(2), sizeBytes: word(3), alignLog2: word(4) };
    if (slice.offset + slice.sizeBytes > fileBytes) {
      throw new Error(
        `Malformed universal Mach-O: slice ${index} runs to byte ${slice.offset + slice.sizeBytes} of a ${fileBytes}-byte file`,
      );
    }
    return { cpuType: word(0), cpuSubtype: word(1), ...slice };
  });
}
