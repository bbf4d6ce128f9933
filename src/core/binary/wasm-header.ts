// WebAssembly modules, as Go's linker writes them for js/wasm and wasip1/wasm. The module header names no
// platform; the host interface a module imports does (Go's js port imports "gojs", its WASI port
// "wasi_snapshot_preview1"), and Go's linker writes the imports right after the few types they use.
import type { BinaryHeader } from './header.js';

/** "\0asm", then version 1 as a little-endian u32. */
const WASM_PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const IMPORT_SECTION = 2;
/** The GOOS whose host interface each import module is. */
const GOOS_BY_IMPORT_MODULE: Record<string, string> = { gojs: 'js', wasi_snapshot_preview1: 'wasip1' };

export function isWasmModule(bytes: Uint8Array): boolean {
  return WASM_PREAMBLE.every((byte, index) => bytes[index] === byte);
}

/** Reads an unsigned LEB128 number at `at`; undefined past the end of the bytes. */
function readUleb(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  let value = 0;
  for (let shift = 0, index = at; index < bytes.length && shift < 35; shift += 7, index++) {
    const byte = bytes[index] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, end: index + 1 };
  }
  return undefined;
}

/** The module name of the first import, found by walking the sections that come before the import section. */
function firstImportModule(bytes: Uint8Array): string | undefined {
  let at = WASM_PREAMBLE.length;
  while (at < bytes.length) {
    const id = bytes[at] ?? 0;
    const size = readUleb(bytes, at + 1);
    if (!size) return undefined;
    if (id === IMPORT_SECTION) {
      const count = readUleb(bytes, size.end);
      const nameLength = count && count.value > 0 ? readUleb(bytes, count.end) : undefined;
      if (!nameLength || nameLength.end + nameLength.value > bytes.length) return undefined;
      return new TextDecoder().decode(bytes.subarray(nameLength.end, nameLength.end + nameLength.value));
    }
    // Sections come in id order (custom sections, id 0, aside); past the imports there are none to find.
    if (id > IMPORT_SECTION) return undefined;
    at = size.end + size.value;
  }
  return undefined;
}

/** The producers section's `language` field as Go's linker writes it: one value, `Go`, then the version. */
const PRODUCERS_LANGUAGE_GO = Buffer.from('\x08language\x01\x02Go', 'latin1');

/** The Go version that Go's linker names in the module's producers section (`go1.26.8`), if it names one. */
export function wasmGoVersion(bytes: Uint8Array): string | undefined {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = haystack.indexOf(PRODUCERS_LANGUAGE_GO);
  const length = at < 0 ? undefined : bytes[at + PRODUCERS_LANGUAGE_GO.length];
  if (length === undefined || length >= 0x80) return undefined;
  const start = at + PRODUCERS_LANGUAGE_GO.length + 1;
  const version = haystack.subarray(start, start + length).toString('latin1');
  return /^(go\d|devel )/.test(version) ? version : undefined;
}

/** A WebAssembly module's header: 32-bit little-endian wasm, for the GOOS its imports belong to. */
export function readWasmHeader(bytes: Uint8Array): BinaryHeader {
  const module = firstImportModule(bytes);
  return {
    format: 'wasm',
    os: (module !== undefined && GOOS_BY_IMPORT_MODULE[module]) || 'unknown',
    arch: 'wasm',
    archs: ['wasm'],
    fat: false,
    bits: 32,
    littleEndian: true,
  };
}
