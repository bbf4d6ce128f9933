import { isWasmModule, readWasmHeader } from './wasm-header.js';

/** Container format of an executable. */
export type BinaryFormat = 'elf' | 'macho' | 'pe' | 'wasm';

/** What an executable's own header says about where it runs. */
export interface BinaryHeader {
  format: BinaryFormat;
  /**
   * GOOS implied by the container: `darwin` for Mach-O, `windows` for PE; for ELF the OS named by EI_OSABI
   * (`freebsd`, `netbsd`, `openbsd`, `solaris`), else `linux`; for WebAssembly the GOOS whose host interface it
   * imports (`js`, `wasip1`).
   */
  os: string;
  /**
   * Architecture in GOARCH spelling (`amd64`, `arm64`, `386`, `arm`, `riscv64`, `ppc64le`, `s390x`, `mips`, …);
   * for a fat Mach-O the slices' architectures joined by `+` in header order, e.g. `amd64+arm64`.
   * An architecture Go has no name for reads `unknown-0x<machine code>`.
   */
  arch: string;
  /** Every architecture in the file: one, unless the file is a fat Mach-O. */
  archs: string[];
  fat: boolean;
  /** Word size; for a fat Mach-O 64 only when every slice is 64-bit. */
  bits: 32 | 64;
  /** Byte order; for a fat Mach-O little-endian only when every slice is. */
  littleEndian: boolean;
}

/** Bytes enough for {@link readBinaryHeader} to read any supported header (PE's e_lfanew is far below this). */
export const BINARY_HEADER_BYTES = 4096;

/** Reads the format and architecture from the first bytes of a file ({@link BINARY_HEADER_BYTES} are enough). */
export function readBinaryHeader(bytes: Uint8Array): BinaryHeader {
  if (bytes.length === 0) throw new Error('Not an executable: the file is empty');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, ELF_MAGIC)) return readElfHeader(bytes, view);
  if (bytes.length >= 4) {
    const magic = view.getUint32(0, false);
    if (magic === FAT_MAGIC || magic === FAT_MAGIC_64) return readFatMachOHeader(bytes, view, magic);
    if (MACHO_MAGICS.has(magic)) return readThinMachOHeader(bytes, view, magic);
  }
  if (startsWith(bytes, PE_DOS_MAGIC)) return readPeHeader(bytes, view);
  if (isWasmModule(bytes)) return readWasmHeader(bytes);
  throw new Error(`Not an ELF, Mach-O, PE or WebAssembly executable: ${describeBytes(bytes)}`);
}

const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46]; // \x7fELF
const ELF_HEADER_PREFIX_BYTES = 20; // e_ident (16) + e_type (2) + e_machine (2)
const ELFCLASS32 = 1;
const ELFCLASS64 = 2;
const ELFDATA2LSB = 1;
const ELFDATA2MSB = 2;

/** EI_OSABI values Go's linker writes (everything else it leaves at 0, which says nothing about the OS). */
const ELF_OS_BY_OSABI: ReadonlyMap<number, string> = new Map([
  [2, 'netbsd'],
  [6, 'solaris'],
  [9, 'freebsd'],
  [12, 'openbsd'],
]);

/** e_machine → GOARCH; the word size and byte order pick among an architecture's variants. */
function elfArch(machine: number, bits: 32 | 64, littleEndian: boolean): string {
  switch (machine) {
    case 3:
      return '386';
    case 8: // EM_MIPS covers every MIPS flavour; the class and data bytes tell them apart.
      return (bits === 64 ? 'mips64' : 'mips') + (littleEndian ? 'le' : '');
    case 20:
      return 'ppc';
    case 21:
      return littleEndian ? 'ppc64le' : 'ppc64';
    case 22:
      return bits === 64 ? 's390x' : 's390';
    case 40:
      return 'arm';
    case 43:
      return 'sparc64';
    case 62:
      return 'amd64';
    case 183:
      return 'arm64';
    case 243:
      return bits === 64 ? 'riscv64' : 'riscv';
    case 258:
      return 'loong64';
    default:
      return unknownArch(machine);
  }
}

function readElfHeader(bytes: Uint8Array, view: DataView): BinaryHeader {
  if (bytes.length < ELF_HEADER_PREFIX_BYTES) {
    throw new Error(
      `Truncated ELF file: ${bytes.length} bytes, but the header needs at least ${ELF_HEADER_PREFIX_BYTES}`,
    );
  }
  const elfClass = bytes[4];
  const elfData = bytes[5];
  if (elfClass !== ELFCLASS32 && elfClass !== ELFCLASS64) {
    throw new Error(`Malformed ELF file: EI_CLASS is ${elfClass}, neither 1 (32-bit) nor 2 (64-bit)`);
  }
  if (elfData !== ELFDATA2LSB && elfData !== ELFDATA2MSB) {
    throw new Error(
      `Malformed ELF file: EI_DATA is ${elfData}, neither 1 (little-endian) nor 2 (big-endian)`,
    );
  }
  const bits = elfClass === ELFCLASS64 ? 64 : 32;
  const littleEndian = elfData === ELFDATA2LSB;
  const arch = elfArch(view.getUint16(18, littleEndian), bits, littleEndian);
  return {
    format: 'elf',
    os: ELF_OS_BY_OSABI.get(bytes[7] ?? 0) ?? 'linux',
    arch,
    archs: [arch],
    fat: false,
    bits,
    littleEndian,
  };
}

const MH_MAGIC = 0xfeedface;
const MH_MAGIC_64 = 0xfeedfacf;
const MH_CIGAM = 0xcefaedfe;
const MH_CIGAM_64 = 0xcffaedfe;
const MACHO_MAGICS: ReadonlySet<number> = new Set([MH_MAGIC, MH_MAGIC_64, MH_CIGAM, MH_CIGAM_64]);
const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const FAT_ARCH_BYTES = 20; // cputype, cpusubtype, offset, size, align: five uint32
const FAT_ARCH_64_BYTES = 32; // cputype, cpusubtype (uint32), offset, size (uint64), align, reserved (uint32)
/**
 * 0xcafebabe also opens every Java class file, where the next word holds the class version (major ≥ 45).
 * Universal binaries carry a handful of slices, so a count this small is Mach-O and anything at 45 or more is Java.
 */
const MAX_FAT_ARCHS = 20;
const FIRST_JAVA_CLASS_MAJOR_VERSION = 45;

const CPU_ARCH_ABI64 = 0x01000000;
const MACHO_ARCH_BY_CPU_TYPE: ReadonlyMap<number, { arch: string; littleEndian: boolean }> = new Map([
  [7, { arch: '386', littleEndian: true }],
  [7 | CPU_ARCH_ABI64, { arch: 'amd64', littleEndian: true }],
  [12, { arch: 'arm', littleEndian: true }],
  [12 | CPU_ARCH_ABI64, { arch: 'arm64', littleEndian: true }],
  [18, { arch: 'ppc', littleEndian: false }],
  [18 | CPU_ARCH_ABI64, { arch: 'ppc64', littleEndian: false }],
]);

function machOSlice(cpuType: number): { arch: string; bits: 32 | 64; littleEndian: boolean } {
  const known = MACHO_ARCH_BY_CPU_TYPE.get(cpuType);
  return {
    arch: known?.arch ?? unknownArch(cpuType),
    bits: (cpuType & CPU_ARCH_ABI64) !== 0 ? 64 : 32,
    littleEndian: known?.littleEndian ?? true,
  };
}

function readThinMachOHeader(bytes: Uint8Array, view: DataView, magic: number): BinaryHeader {
  if (bytes.length < 8) {
    throw new Error(`Truncated Mach-O file: ${bytes.length} bytes, but the header needs at least 8`);
  }
  const littleEndian = magic === MH_CIGAM || magic === MH_CIGAM_64;
  const bits = magic === MH_MAGIC_64 || magic === MH_CIGAM_64 ? 64 : 32;
  const { arch } = machOSlice(view.getUint32(4, littleEndian));
  return { format: 'macho', os: 'darwin', arch, archs: [arch], fat: false, bits, littleEndian };
}

function readFatMachOHeader(bytes: Uint8Array, view: DataView, magic: number): BinaryHeader {
  if (bytes.length < 8) {
    throw new Error(
      `Truncated file: ${bytes.length} bytes starting with magic 0x${magic.toString(16)}, too few to tell a ` +
        'Mach-O universal binary (or a Java class file) by its next word',
    );
  }
  const count = view.getUint32(4, false);
  if (magic === FAT_MAGIC && view.getUint16(6, false) >= FIRST_JAVA_CLASS_MAJOR_VERSION) {
    throw new Error(
      `Not an executable: a Java class file (magic 0xcafebabe, class version ` +
        `${view.getUint16(6, false)}.${view.getUint16(4, false)}), not a Mach-O universal binary`,
    );
  }
  if (count === 0 || count > MAX_FAT_ARCHS) {
    throw new Error(
      `Malformed Mach-O universal binary: magic 0x${magic.toString(16)} but ${count} architectures ` +
        `(expected 1 to ${MAX_FAT_ARCHS})`,
    );
  }
  const entryBytes = magic === FAT_MAGIC_64 ? FAT_ARCH_64_BYTES : FAT_ARCH_BYTES;
  const tableEnd = 8 + count * entryBytes;
  if (bytes.length < tableEnd) {
    throw new Error(
      `Truncated Mach-O universal binary: ${count} architectures need ${tableEnd} header bytes, got ${bytes.length}`,
    );
  }
  const slices = Array.from({ length: count }, (_, index) =>
    machOSlice(view.getUint32(8 + index * entryBytes, false)),
  );
  const archs = slices.map((slice) => slice.arch);
  return {
    format: 'macho',
    os: 'darwin',
    arch: archs.join('+'),
    archs,
    fat: true,
    bits: slices.every((slice) => slice.bits === 64) ? 64 : 32,
    littleEndian: slices.every((slice) => slice.littleEndian),
  };
}

const PE_DOS_MAGIC = [0x4d, 0x5a]; // MZ
const PE_SIGNATURE = [0x50, 0x45, 0x00, 0x00]; // PE\0\0
const DOS_HEADER_BYTES = 0x40; // e_lfanew is the last field, at 0x3c
const PE32_MAGIC = 0x10b;
const PE32_PLUS_MAGIC = 0x20b;
const PE_ARCH_BY_MACHINE: ReadonlyMap<number, { arch: string; bits: 32 | 64 }> = new Map([
  [0x14c, { arch: '386', bits: 32 }],
  [0x8664, { arch: 'amd64', bits: 64 }],
  [0x1c0, { arch: 'arm', bits: 32 }],
  [0x1c4, { arch: 'arm', bits: 32 }], // ARMNT: Thumb-2, what Go's windows/arm wrote
  [0xaa64, { arch: 'arm64', bits: 64 }],
  [0x5064, { arch: 'riscv64', bits: 64 }],
  [0x6264, { arch: 'loong64', bits: 64 }],
]);

function readPeHeader(bytes: Uint8Array, view: DataView): BinaryHeader {
  if (bytes.length < DOS_HEADER_BYTES) {
    throw new Error(
      `Truncated file: 'MZ' magic, but ${bytes.length} bytes are too few for a DOS header (64)`,
    );
  }
  const peOffset = view.getUint32(0x3c, true);
  // COFF header: signature (4), Machine (2), NumberOfSections (2), 3 × uint32, SizeOfOptionalHeader (2), Characteristics (2).
  const optionalHeaderOffset = peOffset + 24;
  if (bytes.length < optionalHeaderOffset) {
    throw new Error(
      `Truncated PE file: its PE header is at offset ${peOffset}, beyond the ${bytes.length} bytes given`,
    );
  }
  if (!startsWith(bytes.subarray(peOffset), PE_SIGNATURE)) {
    throw new Error(
      `Not a PE executable: 'MZ' magic, but no 'PE\\0\\0' signature at e_lfanew (offset ${peOffset}); ` +
        'a plain DOS program?',
    );
  }
  const machine = view.getUint16(peOffset + 4, true);
  const known = PE_ARCH_BY_MACHINE.get(machine);
  const arch = known?.arch ?? unknownArch(machine);
  const optionalHeaderSize = view.getUint16(peOffset + 20, true);
  let bits: 32 | 64 = known?.bits ?? 32;
  if (optionalHeaderSize >= 2 && bytes.length >= optionalHeaderOffset + 2) {
    const optionalMagic = view.getUint16(optionalHeaderOffset, true);
    if (optionalMagic === PE32_PLUS_MAGIC) bits = 64;
    else if (optionalMagic === PE32_MAGIC) bits = 32;
  }
  return { format: 'pe', os: 'windows', arch, archs: [arch], fat: false, bits, littleEndian: true };
}

function unknownArch(code: number): string {
  return `unknown-0x${code.toString(16)}`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

const SHEBANG = [0x23, 0x21]; // #!
const KNOWN_NON_EXECUTABLES: readonly { prefix: number[]; what: string }[] = [
  { prefix: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive' },
  { prefix: [0x1f, 0x8b], what: 'a gzip stream' },
  { prefix: [...'!<arch>\n'].map((c) => c.charCodeAt(0)), what: 'an ar archive (a Go package or C library)' },
];

/** Says what the bytes look like, for an error message: a known kind of file, text, or the first bytes in hex. */
function describeBytes(bytes: Uint8Array): string {
  const known = KNOWN_NON_EXECUTABLES.find(({ prefix }) => startsWith(bytes, prefix));
  if (known) return known.what;
  const shown = bytes.subarray(0, 40);
  if (startsWith(bytes, SHEBANG)) {
    const lineEnd = shown.indexOf(0x0a);
    return `a script starting ${JSON.stringify(String.fromCharCode(...(lineEnd < 0 ? shown : shown.subarray(0, lineEnd))))}`;
  }
  if (shown.every(isPrintableAscii)) {
    return `text ${JSON.stringify(String.fromCharCode(...shown))}${bytes.length > shown.length ? '…' : ''}`;
  }
  const hex = [...bytes.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return `first bytes ${hex}${bytes.length <= 16 ? ` (${bytes.length} bytes in all)` : ''}`;
}

function isPrintableAscii(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
}

/** The report's name for a file's container: `macho-fat` for a universal Mach-O, else its format. */
export function formatName(header: Pick<BinaryHeader, 'format' | 'fat'>): BinaryFormat | 'macho-fat' {
  return header.fat ? 'macho-fat' : header.format;
}
