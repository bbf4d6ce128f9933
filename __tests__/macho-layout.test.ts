// Mach-O sections and symbol counts read from the load commands, checked against Go's own debug/macho on real
// darwin binaries (with symbols and stripped), and the section clamp of size attribution.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMachOLayout } from '../src/binary/macho-layout.js';
import { attributeSizes } from '../src/report/attribution.js';
import { buildHelloPrograms, runGo, writeModule, type BuiltProgram } from './fixtures/binary/go-programs.js';
import { scratchDir } from './fixtures/builds/go-modules.js';

/** A Go program printing each section (segment, name, address, size in hex) and the symbol count, via debug/macho. */
const DUMP_MACHO = [
  'package main',
  '',
  'import (',
  '\t"debug/macho"',
  '\t"fmt"',
  '\t"os"',
  ')',
  '',
  'func main() {',
  '\tf, err := macho.Open(os.Args[1])',
  '\tif err != nil {',
  '\t\tpanic(err)',
  '\t}',
  '\tfor _, s := range f.Sections {',
  '\t\tfmt.Printf("%s %s %x %x\\n", s.Seg, s.Name, s.Addr, s.Size)',
  '\t}',
  '\tn := 0',
  '\tif f.Symtab != nil {',
  '\t\tn = len(f.Symtab.Syms)',
  '\t}',
  '\tfmt.Printf("symbols %d\\n", n)',
  '}',
  '',
].join('\n');

let programs: BuiltProgram[];
let dumper = '';
beforeAll(async () => {
  programs = (await buildHelloPrograms()).filter((p) => p.target.goos === 'darwin');
  const dir = await scratchDir('sga-macho-dump-');
  await writeModule(dir, { 'go.mod': 'module example.com/dump\n\ngo 1.22\n', 'main.go': DUMP_MACHO });
  dumper = path.join(dir, 'dump');
  await runGo(['build', '-o', dumper, '.'], { cwd: dir });
});

describe('readMachOLayout', () => {
  it('reads the sections and symbol count debug/macho reads, with symbols and stripped', async () => {
    expect(programs.length).toBeGreaterThanOrEqual(4);
    for (const program of programs) {
      const layout = readMachOLayout(await readFile(program.file))!;
      const ours = [
        ...layout.sections.map(
          (s) => `${s.segment} ${s.name} ${s.address.toString(16)} ${s.size.toString(16)}`,
        ),
        `symbols ${layout.symbolCount}`,
      ].join('\n');
      const { execFileSync } = await import('node:child_process');
      expect(ours).toBe(execFileSync(dumper, [program.file], { encoding: 'utf8' }).trim());
      // Go 1.22 and later drop the symbol table under -s.
      if (program.variant === 'stripped') expect(layout.symbolCount).toBe(0);
      else expect(layout.symbolCount).toBeGreaterThan(1000);
    }
  });

  it('refuses what is not a thin 64-bit Mach-O, or is cut short', async () => {
    const elf = (await buildHelloPrograms()).find((p) => p.target.goos === 'linux')!;
    expect(readMachOLayout(await readFile(elf.file))).toBeUndefined();
    const macho = await readFile(programs[0]!.file);
    expect(readMachOLayout(macho.subarray(0, 200))).toBeUndefined();
  });
});

describe('attributeSizes with sections', () => {
  it("cuts a symbol at the end of its section, and leaves nm's size where no section is given", () => {
    const symbols = [
      { address: 0x1000n, size: 0x900, kind: 'D', name: 'strconv.table' },
      { address: 0x2000n, size: 0x10, kind: 'D', name: 'main.x' },
    ];
    const sections = [
      { address: 0x1000n, size: 0x100n },
      { address: 0x2000n, size: 0x100n },
    ];
    expect(attributeSizes(symbols, 15, sections)).toEqual([
      { package: 'strconv', sizeBytes: 0x100 },
      { package: 'main', sizeBytes: 0x10 },
    ]);
    expect(attributeSizes(symbols)[0]).toEqual({ package: 'strconv', sizeBytes: 0x900 });
  });
});
