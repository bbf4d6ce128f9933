import { isWasmModule, wasmGoVersion } from './wasm-header.js';

/** A module as Go records it in a binary: the main module, a dependency, or what replaced one. */
export interface GoModule {
  path: string;
  version: string;
  /** The go.sum hash (`h1:…`); absent for the main module and for local replacements. */
  sum?: string;
  /** The module that replaced this one (a `replace` directive), when there was one. */
  replace?: GoModule;
}

/** What a Go binary says about how it was built (the data behind `go version -m`). */
export interface GoBuildInfo {
  /** The toolchain that built it, e.g. `go1.25.4`. */
  goVersion: string;
  /** The main package's import path, e.g. `example.com/hello/cmd/hello` or `command-line-arguments`. */
  path?: string;
  /** The main module; absent for binaries built outside module mode. */
  main?: GoModule;
  deps: GoModule[];
  /** Build settings: GOOS, GOARCH, GOARM, GOAMD64, CGO_ENABLED, -ldflags, -trimpath, -tags, vcs.*, … */
  settings: Record<string, string>;
}

/**
 * Finds Go's build info in a whole file's bytes; undefined when the file has none, or was built by Go older than
 * 1.18 (which stored pointers rather than inline strings).
 * Works for ELF, Mach-O (the first slice of a fat file) and PE alike, stripped or not, since the linker keeps the
 * blob in a data section that symbol stripping does not touch; a WebAssembly module has no blob, and is read from
 * its module text and producers section. Throws when the blob is there but its module text is malformed.
 */
export function readGoBuildInfo(bytes: Uint8Array): GoBuildInfo | undefined {
  if (isWasmModule(bytes)) return readWasmBuildInfo(bytes);
  const blob = findBuildInfoBlob(bytes);
  if (!blob) return undefined;
  return { goVersion: blob.goVersion, ...parseModuleInfo(stripSentinels(blob.moduleInfo)) };
}

/** "\xff Go buildinf:": the \xff makes an accidental match in ordinary text unlikely. */
const BUILD_INFO_MAGIC = Buffer.from([0xff, ...Buffer.from(' Go buildinf:', 'latin1')]);
/** The linker aligns the blob to 16 bytes, and data sections keep their address alignment in the file. */
const BUILD_INFO_ALIGN = 16;
/** Magic (14), pointer size (1), flags (1), then two pointers that only the pre-1.18 form fills in. */
const BUILD_INFO_HEADER_BYTES = 32;
const FLAG_VERSION_INLINE = 0x2;

/**
 * Scans for the blob and keeps the first candidate whose header and inline strings decode; a program that
 * mentions the magic as a string constant (the go command itself does) has it in rodata with other bytes after it.
 */
function findBuildInfoBlob(bytes: Uint8Array): { goVersion: string; moduleInfo: Uint8Array } | undefined {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (
    let at = haystack.indexOf(BUILD_INFO_MAGIC);
    at >= 0;
    at = haystack.indexOf(BUILD_INFO_MAGIC, at + 1)
  ) {
    if (at % BUILD_INFO_ALIGN !== 0) continue;
    const blob = decodeInlineBlob(bytes, at);
    if (blob) return blob;
  }
  return undefined;
}

/** Decodes the Go 1.18+ form: the header, then the version and the module text as uvarint-length-prefixed strings. */
function decodeInlineBlob(
  bytes: Uint8Array,
  start: number,
): { goVersion: string; moduleInfo: Uint8Array } | undefined {
  const pointerSize = bytes[start + BUILD_INFO_MAGIC.length];
  const flags = bytes[start + BUILD_INFO_MAGIC.length + 1] ?? 0;
  if ((pointerSize !== 4 && pointerSize !== 8) || (flags & FLAG_VERSION_INLINE) === 0) return undefined;
  const version = readLengthPrefixed(bytes, start + BUILD_INFO_HEADER_BYTES);
  if (!version) return undefined;
  const goVersion = new TextDecoder().decode(version.value);
  if (!/^(go\d|devel )/.test(goVersion)) return undefined;
  const moduleInfo = readLengthPrefixed(bytes, version.end);
  if (!moduleInfo) return undefined;
  return { goVersion, moduleInfo: moduleInfo.value };
}

function readLengthPrefixed(
  bytes: Uint8Array,
  start: number,
): { value: Uint8Array; end: number } | undefined {
  const length = readUvarint(bytes, start);
  if (!length) return undefined;
  const end = length.end + length.value;
  if (end > bytes.length) return undefined;
  return { value: bytes.subarray(length.end, end), end };
}

/** encoding/binary's Uvarint, limited to lengths a file can hold. */
function readUvarint(bytes: Uint8Array, start: number): { value: number; end: number } | undefined {
  let value = 0;
  for (let index = 0; index < 8; index++) {
    const byte = bytes[start + index];
    if (byte === undefined) return undefined;
    value += (byte & 0x7f) * 2 ** (7 * index);
    if (byte < 0x80) return { value, end: start + index + 1 };
  }
  return undefined;
}

/** The go command frames the module text with these 16-byte sentinels (cmd/go's modload infoStart/infoEnd). */
const MODULE_INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MODULE_INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

/**
 * Go's linker writes no build info blob into a WebAssembly module (`go version -m` cannot read one either): the
 * module text sits in its data, framed by the sentinels, and its producers section names the Go version.
 */
function readWasmBuildInfo(bytes: Uint8Array): GoBuildInfo | undefined {
  const goVersion = wasmGoVersion(bytes);
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = haystack.indexOf(MODULE_INFO_START);
  const end = start < 0 ? -1 : haystack.indexOf(MODULE_INFO_END, start);
  if (!goVersion || end < 0) return undefined;
  return {
    goVersion,
    ...parseModuleInfo(stripSentinels(bytes.subarray(start, end + MODULE_INFO_END.length))),
  };
}

/** The module text between the sentinels; empty when the frame is missing, as Go's own reader treats it. */
function stripSentinels(moduleInfo: Uint8Array): string {
  const framed = Buffer.from(moduleInfo.buffer, moduleInfo.byteOffset, moduleInfo.byteLength);
  const sentinel = MODULE_INFO_START.length;
  if (
    framed.length < 2 * sentinel + 1 ||
    framed[framed.length - sentinel - 1] !== 0x0a ||
    !framed.subarray(0, sentinel).equals(MODULE_INFO_START) ||
    !framed.subarray(framed.length - sentinel).equals(MODULE_INFO_END)
  ) {
    return '';
  }
  return framed.subarray(sentinel, framed.length - sentinel).toString('utf8');
}

/** Parses the module text (the format runtime/debug.ParseBuildInfo reads): tab-separated lines, one per fact. */
function parseModuleInfo(text: string): Omit<GoBuildInfo, 'goVersion'> {
  let mainPackage: string | undefined;
  let mainModule: GoModule | undefined;
  const deps: GoModule[] = [];
  const settings: [string, string][] = [];
  let last: GoModule | undefined;
  const lines = text.split('\n');
  // The text ends with a newline, so the piece after the last one is empty and not a line.
  lines.pop();
  lines.forEach((line, index) => {
    function fail(problem: string): never {
      throw new Error(`Malformed Go build info, line ${index + 1} (${JSON.stringify(line)}): ${problem}`);
    }
    const [kind, ...fields] = line.split('\t');
    const rest = line.slice((kind ?? '').length + 1);
    switch (kind) {
      case 'path':
        mainPackage = rest;
        break;
      case 'mod':
        mainModule = last = moduleFrom(fields) ?? fail('expected path, version and optional sum');
        break;
      case 'dep':
        last = moduleFrom(fields) ?? fail('expected path, version and optional sum');
        deps.push(last);
        break;
      case '=>':
        if (fields.length !== 3) fail('a replacement needs path, version and sum');
        if (!last) fail('a replacement with no module before it');
        last.replace = moduleFrom(fields);
        last = undefined;
        break;
      case 'build':
        settings.push(parseBuildSetting(rest) ?? fail('expected key=value, quoted where Go quotes them'));
        break;
    }
  });
  return {
    ...(mainPackage !== undefined ? { path: mainPackage } : {}),
    ...(mainModule ? { main: mainModule } : {}),
    deps,
    // fromEntries defines own properties, so a key such as __proto__ stays a plain setting.
    settings: Object.fromEntries(settings),
  };
}

function moduleFrom(fields: string[]): GoModule | undefined {
  const [path, version, sum] = fields;
  if (path === undefined || version === undefined || fields.length > 3) return undefined;
  return { path, version, ...(sum ? { sum } : {}) };
}

/** `key=value`, where either side is a Go quoted string when it holds spaces, quotes or (for keys) `=`. */
function parseBuildSetting(keyValue: string): [string, string] | undefined {
  let key: string;
  let rawValue: string;
  if (keyValue.startsWith('"') || keyValue.startsWith('`')) {
    const quotedLength = goQuotedPrefixLength(keyValue);
    if (quotedLength === undefined || keyValue[quotedLength] !== '=') return undefined;
    const unquoted = unquoteGoString(keyValue.slice(0, quotedLength));
    if (unquoted === undefined) return undefined;
    key = unquoted;
    rawValue = keyValue.slice(quotedLength + 1);
  } else {
    const equals = keyValue.indexOf('=');
    if (equals <= 0) return undefined;
    key = keyValue.slice(0, equals);
    rawValue = keyValue.slice(equals + 1);
  }
  const value = rawValue.startsWith('"') || rawValue.startsWith('`') ? unquoteGoString(rawValue) : rawValue;
  return value === undefined ? undefined : [key, value];
}

/** Length of the Go string literal that opens `text` (strconv.QuotedPrefix), or undefined if it never closes. */
function goQuotedPrefixLength(text: string): number | undefined {
  const quote = text[0];
  for (let index = 1; index < text.length; index++) {
    if (quote === '"' && text[index] === '\\') index++;
    else if (text[index] === quote) return index + 1;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
  '"': 0x22,
};

const HEX_ESCAPE_DIGITS = { x: 2, u: 4, U: 8 } as const;

/**
 * strconv.Unquote for the literals Go writes in build settings: raw `…` strings, and "…" strings with the
 * escapes strconv.Quote produces. \x and octal escapes are bytes, so the result is decoded as UTF-8 at the end.
 */
function unquoteGoString(literal: string): string | undefined {
  if (literal.length < 2 || literal[literal.length - 1] !== literal[0]) return undefined;
  const body = literal.slice(1, -1);
  if (literal[0] === '`') return body.includes('`') ? undefined : body.replaceAll('\r', '');
  if (literal[0] !== '"') return undefined;
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    if (char === '"' || char === '\n') return undefined;
    if (char !== '\\') {
      const codePoint = body.codePointAt(index) as number;
      if (codePoint > 0xffff) index++;
      out.push(...encoder.encode(String.fromCodePoint(codePoint)));
      continue;
    }
    const escape = body[++index];
    if (escape === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      out.push(simple);
    } else if (escape === 'x' || escape === 'u' || escape === 'U') {
      const width = HEX_ESCAPE_DIGITS[escape];
      const digits = body.slice(index + 1, index + 1 + width);
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      const code = parseInt(digits, 16);
      if (escape === 'x') out.push(code);
      else if (code > 0x10ffff || (code >= 0xd800 && code < 0xe000)) return undefined;
      else out.push(...encoder.encode(String.fromCodePoint(code)));
      index += digits.length;
    } else if (/[0-7]/.test(escape)) {
      const digits = body.slice(index, index + 3);
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 0xff) return undefined;
      out.push(parseInt(digits, 8));
      index += 2;
    } else {
      return undefined;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}
