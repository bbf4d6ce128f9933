/** A section of a 64-bit Mach-O file, as its load command describes it. */
export interface MachOSection {
  segment: string;
  name: string;
  address: bigint;
  size: bigint;
}

/** What a thin 64-bit Mach-O's load commands say about its sections and its symbol table. */
export interface MachOLayout {
  sections: MachOSection[];
  /** Entries of LC_SYMTAB's symbol table (from Go 1.22 on, `-s` keeps only the few dynamic imports). */
  symbolCount: number;
  /** Symbols the file defines (LC_DYSYMTAB's local and external ones): 0 once `-s` strips them (Go 1.22+). */
  definedSymbolCount: number;
}

const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_SYMTAB = 0x2;
const LC_DYSYMTAB = 0xb;
const HEADER_64_BYTES = 32;
const SEGMENT_64_BYTES = 72;
const SECTION_64_BYTES = 80;

function fixedString(bytes: Uint8Array, at: number, length: number): string {
  const raw = bytes.subarray(at, at + length);
  const end = raw.indexOf(0);
  return Buffer.from(end < 0 ? raw : raw.subarray(0, end)).toString('latin1');
}

/**
 * Reads the sections and the symbol count of a thin little-endian 64-bit Mach-O (what Go links for darwin/arm64
 * and darwin/amd64) from its first bytes, which hold the load commands; undefined for any other file, or when
 * the load commands run past the bytes given.
 */
export function readMachOLayout(bytes: Uint8Array): MachOLayout | undefined {
  if (bytes.length < HEADER_64_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MH_MAGIC_64) return undefined;
  const commands = view.getUint32(16, true);
  const commandBytes = view.getUint32(20, true);
  if (HEADER_64_BYTES + commandBytes > bytes.length) return undefined;
  const sections: MachOSection[] = [];
  let symbolCount = 0;
  let definedSymbolCount = 0;
  let at = HEADER_64_BYTES;
  for (let index = 0; index < commands; index++) {
    if (at + 8 > HEADER_64_BYTES + commandBytes) return undefined;
    const command = view.getUint32(at, true);
    const size = view.getUint32(at + 4, true);
    if (size < 8 || at + size > HEADER_64_BYTES + commandBytes) return undefined;
    if (command === LC_SEGMENT_64 && size >= SEGMENT_64_BYTES) {
      const count = view.getUint32(at + 64, true);
      if (SEGMENT_64_BYTES + count * SECTION_64_BYTES > size) return undefined;
      for (let s = 0; s < count; s++) {
        const section = at + SEGMENT_64_BYTES + s * SECTION_64_BYTES;
        sections.push({
          name: fixedString(bytes, section, 16),
          segment: fixedString(bytes, section + 16, 16),
          address: view.getBigUint64(section + 32, true),
          size: view.getBigUint64(section + 40, true),
        });
      }
    } else if (command === LC_SYMTAB && size >= 24) {
      symbolCount = view.getUint32(at + 12, true);
    } else if (command === LC_DYSYMTAB && size >= 32) {
      definedSymbolCount = view.getUint32(at + 12, true) + view.getUint32(at + 20, true);
    }
    at += size;
  }
  return { sections, symbolCount, definedSymbolCount };
}
