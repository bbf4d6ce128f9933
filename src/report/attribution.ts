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
 * Symbols the linker defines to mark where sections start and end. ELF gives them no size, but Mach-O has no
 * symbol sizes and nm measures each symbol up to the next one, so there `runtime.pclntab` would claim the whole
 * function table and `runtime.rodata` every string.
 */
const SECTION_MARKERS: ReadonlySet<string> = new Set(
  ['text', 'rodata', 'types', 'pclntab', 'noptrdata', 'data', 'bss', 'noptrbss', 'covctrs', 'symtab'].flatMap(
    (section) => [`runtime.${section}`, `runtime.e${section}`],
  ),
);

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
 * A symbol's size cut at the end of the section that holds it. Mach-O records no symbol sizes, and nm measures
 * each symbol up to the next one, so the last symbol of a section would also claim the gap (alignment, other
 * segments' sections) up to the next section's first symbol: `strconv.detailedPowersOfTen`, 11,136 bytes, is
 * measured as 344,800 in a darwin/amd64 gojq. Given no sections (ELF, whose sizes are the symbols' own), nm's
 * size stands.
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
 * addresses are checked against the runtime's bss markers too. Section markers are left out, and a symbol at an
 * address already counted (Mach-O aliases such as `typerel.*` and `_type:*`) counts once. The sizes are nm's:
 * ELF gives some linker-made blobs (all type descriptors, all string data) size 0, while Mach-O measures every
 * symbol up to the next, so `type:` and `go:` weigh more in a Mach-O's list than in an ELF's. Mach-O sizes are
 * cut at the end of their section (`sections`, from the file's load commands), so no symbol claims another
 * section's bytes.
 */
export function attributeSizes(
  symbols: NmSymbol[],
  limit = 15,
  sections: readonly { address: bigint; size: bigint }[] = [],
): PackageSize[] {
  const bss = bssRanges(symbols);
  const counted = new Set<bigint>();
  const totals = new Map<string, number>();
  for (const symbol of symbols) {
    if (symbol.size === 0 || symbol.kind === 'B' || symbol.kind === 'b' || symbol.kind === 'U') continue;
    if (SECTION_MARKERS.has(symbol.name) || counted.has(symbol.address)) continue;
    if (bss.some(([from, to]) => symbol.address >= from && symbol.address < to)) continue;
    counted.add(symbol.address);
    const pkg = symbolPackage(symbol.name);
    totals.set(pkg, (totals.get(pkg) ?? 0) + clampedSize(symbol, sections));
  }
  return [...totals]
    .map(([pkg, sizeBytes]) => ({ package: pkg, sizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || a.package.localeCompare(b.package))
    .slice(0, limit);
}
