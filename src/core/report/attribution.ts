import type { PackageSize } from './report.js';

/** One line of `go tool nm -size`: address, size in bytes, kind (T text, R rodata, D data, B bss…), name. */
export interface NmSymbol {
  address: bigint;
  size: number;
  kind: string;
  name: string;
}

// Undefined symbols (dynamic imports) have no address and say nothing about this file's bytes.
const NM_LINE = /^\s*([0-9a-f]+)\s+(\d+)\s+([A-Za-z])\s+(.+)$/;

/** Reads `go tool nm -size` output; lines of another shape (undefined symbols) are skipped. */
export function parseNmOutput(output: string): NmSymbol[] {
  const symbols: NmSymbol[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = NM_LINE.exec(line);
    if (!match) continue;
    const [, address, size, kind, name] = match as unknown as [string, string, string, string, string];
    symbols.push({ address: BigInt(`0x${address}`), size: Number(size), kind, name });
  }
  return symbols;
}

/**
 * The package archives a `go build -x` link read, from the `packagefile` lines of the importcfg it prints. Those
 * in the command's own temporary directory (its `WORK=` line: packages GOCACHE did not hold) are gone once it
 * ends, so they are left out and their symbols keep nm's measure.
 */
export function parseLinkedArchives(buildOutput: string): string[] {
  const lines = buildOutput.split(/\r?\n/);
  const work = lines.find((line) => line.startsWith('WORK='))?.slice('WORK='.length);
  const archives = new Set<string>();
  for (const line of lines) {
    const file = /^packagefile [^=]+=(.+)$/.exec(line)?.[1];
    if (file && !(work && file.startsWith(`${work}/`))) archives.add(file);
  }
  return [...archives];
}

/**
 * The size the compiler or assembler gave each symbol, read from `go tool nm -size` run on the package archives
 * a link reads (each line starts `archive(member):` and a tab). These are the sizes an ELF symbol table carries;
 * a Mach-O has none, so they stand in for nm's measure there. File-local symbols carry a version (`<1>`) that the
 * linked file's names drop; a name defined twice (an assembly body and its ABI wrapper) keeps the larger size.
 */
export function parseObjectSizes(output: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const line of output.split(/\r?\n/)) {
    const [symbol] = parseNmOutput(line.slice(line.indexOf(':\t') + 1));
    if (!symbol) continue;
    const name = symbol.name.replace(/<\d+>$/, '');
    sizes.set(name, Math.max(sizes.get(name) ?? 0, symbol.size));
  }
  return sizes;
}

/**
 * A linked file's symbol name as the object files spell it. Go's Mach-O writer puts C's underscore before every
 * name without a dot (`_type:*`, `_aeshashbody`), and assembly functions are named with their ABI (`.abi0`).
 */
function objectName(name: string): string {
  const plain = /^_[^.]*$/.test(name) ? name.slice(1) : name;
  return plain.replace(/\.abi0$/, '');
}

/**
 * The package a symbol belongs to, the way Go's debug/gosym reads it: the import path runs to the first dot
 * after the last slash (the linker escapes dots in a path's last element as %2e, so `gopkg.in/yaml%2ev3.Node`
 * is `gopkg.in/yaml.v3`), generic instantiations `[…]` aside. `type:…` and `go:…` symbols are compiler- and
 * linker-generated data of no package, and so are `$f64.…` constants; they are grouped as `type:` and `go:`
 * (Mach-O spells some of them with a leading underscore, and the type descriptors `typerel.*`). Names without
 * a package prefix are grouped as `(assembly and C)`.
 */
export function symbolPackage(symbol: string): string {
  const name = /^_(go|type):/.test(symbol) ? symbol.slice(1) : symbol;
  if (name.startsWith('type:') || name.startsWith('typerel.')) return 'type:';
  if (name.startsWith('go:') || name.startsWith('$')) return 'go:';
  const bracket = name.indexOf('[');
  const plain = bracket >= 0 ? name.slice(0, bracket) : name;
  const dot = plain.indexOf('.', Math.max(0, plain.lastIndexOf('/')));
  // Assembly routines (aeshashbody, indexbytebody) and C symbols carry no package prefix.
  if (dot <= 0) return '(assembly and C)';
  return plain
    .slice(0, dot)
    .replace(/%([0-9a-fA-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Symbols the linker defines to mark where sections start and end, and the group symbols it creates with size 0
 * at the start of the data it gathers (type descriptors, strings, GC bitmaps, function descriptors: `groupSym`
 * in cmd/link's symtab.go). ELF gives them no size, but Mach-O has no symbol sizes and nm measures each symbol
 * up to the next one, so there `runtime.pclntab` would claim the whole function table, `runtime.rodata` every
 * string and `type:*` every type descriptor (343 KB in a darwin/amd64 gojq).
 */
const SECTION_MARKERS: ReadonlySet<string> = new Set([
  ...[
    'text',
    'rodata',
    'types',
    'pclntab',
    'noptrdata',
    'data',
    'bss',
    'noptrbss',
    'covctrs',
    'symtab',
  ].flatMap((section) => [`runtime.${section}`, `runtime.e${section}`]),
  'type:*',
  'typerel.*',
  'go:string.*',
  'go:funcdesc',
  'go:funcdescrel',
  'runtime.gcbits.*',
]);

/** Address ranges the runtime's bss sections span, from the markers Go's linker defines in every format. */
function bssRanges(symbols: NmSymbol[]): [bigint, bigint][] {
  const addressOf = new Map(symbols.map((symbol) => [symbol.name, symbol.address]));
  const ranges: [bigint, bigint][] = [];
  for (const [start, end] of [
    ['runtime.bss', 'runtime.ebss'],
    ['runtime.noptrbss', 'runtime.enoptrbss'],
  ] as const) {
    const from = addressOf.get(start);
    const to = addressOf.get(end);
    if (from !== undefined && to !== undefined) ranges.push([from, to]);
  }
  return ranges;
}

/**
 * A symbol's size cut at the end of the section that holds it: measured up to the next symbol, the last one of a
 * section would also claim the gap (alignment, other segments' sections) up to the next section's first symbol.
 * Given no sections (ELF, whose sizes are the symbols' own), nm's size stands.
 */
function clampedSize(symbol: NmSymbol, sections: readonly { address: bigint; size: bigint }[]): number {
  const holder = sections.find(
    (section) => symbol.address >= section.address && symbol.address < section.address + section.size,
  );
  if (!holder) return symbol.size;
  const room = holder.address + holder.size - symbol.address;
  return room < BigInt(symbol.size) ? Number(room) : symbol.size;
}

/**
 * Sums symbol sizes per package and keeps the `limit` largest, largest first. Zero-filled (bss) symbols are left
 * out, since they take memory at run time but no bytes in the file: ELF symbols say `D` for them, so their
 * addresses are checked against the runtime's bss markers too. Section and group markers are left out, and a
 * symbol at an address already counted (Mach-O aliases such as `typerel.*` and `_type:*`) counts once.
 *
 * ELF sizes are the symbols' own. Mach-O has none, and nm measures each symbol up to the next one, which adds
 * the alignment padding after every function and any data the symbol table does not name (the backing arrays of
 * composite literals): `internal/strconv.pow10Tab`, 11,136 bytes, measures 344,800 in a darwin/amd64 gojq. So a
 * Mach-O symbol counts its size in the package archives (`objectSizes`, from `parseObjectSizes`) where they define
 * it, and is cut at the end of its section (`sections`, from the file's load commands) in any case, so that what
 * only the linker makes (`go:func.*`, `runtime.findfunctab`) claims no other section's bytes.
 */
export function attributeSizes(
  symbols: NmSymbol[],
  limit = 15,
  sections: readonly { address: bigint; size: bigint }[] = [],
  objectSizes: ReadonlyMap<string, number> = new Map(),
): PackageSize[] {
  const bss = bssRanges(symbols);
  const counted = new Set<bigint>();
  const totals = new Map<string, number>();
  for (const symbol of symbols) {
    if (symbol.size === 0 || symbol.kind === 'B' || symbol.kind === 'b' || symbol.kind === 'U') continue;
    if (SECTION_MARKERS.has(objectName(symbol.name)) || counted.has(symbol.address)) continue;
    if (bss.some(([from, to]) => symbol.address >= from && symbol.address < to)) continue;
    counted.add(symbol.address);
    const pkg = symbolPackage(symbol.name);
    const size = Math.min(
      clampedSize(symbol, sections),
      objectSizes.get(objectName(symbol.name)) ?? Infinity,
    );
    totals.set(pkg, (totals.get(pkg) ?? 0) + size);
  }
  return [...totals]
    .map(([pkg, sizeBytes]) => ({ package: pkg, sizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || a.package.localeCompare(b.package))
    .slice(0, limit);
}
