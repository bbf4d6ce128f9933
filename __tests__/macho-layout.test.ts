// Mach-O sections and symbol counts read from the load commands, checked against Go's own debug/macho on real
// darwin binaries (with symbols and stripped), and the section clamp of size attribution.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMachOLayout } from '../src/binary/macho-layout.js';
import { stripsSymbolTable } from '../src/build/ldflags.js';
import { attributeSizes } from '../src/report/attribution.js';
import { buildReport } from '../src/report/report.js';
import { renderBuildSection } from '../src/report/summary.js';
import { expectValidReport } from '../test/support/report-schema.js';
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
  '\tif f.Dysymtab != nil {',
  '\t\tfmt.Printf("defined %d\\n", f.Dysymtab.Nlocalsym+f.Dysymtab.Nextdefsym)',
  '\t}',
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
        `defined ${layout.definedSymbolCount}`,
      ].join('\n');
      const { execFileSync } = await import('node:child_process');
      expect(ours).toBe(execFileSync(dumper, [program.file], { encoding: 'utf8' }).trim());
      // Go 1.22 and later keep only the dynamic imports' entries under -s.
      if (program.variant === 'stripped') {
        expect(layout.symbolCount).toBeLessThan(100);
        expect(layout.definedSymbolCount).toBe(0);
      } else expect(layout.definedSymbolCount).toBeGreaterThan(1000);
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

describe('a Mach-O symbol table kept under -s', () => {
  it('tells when ldflags strip the symbol table, the last -s winning', () => {
    expect(['-s -w', '-w -s=true', '-s -X main.v=1'].map(stripsSymbolTable)).toEqual([true, true, true]);
    expect(['-w', '-s -s=false', '', '-X main.s=-s'].map(stripsSymbolTable)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('is said in the summary, with the count read from the file', () => {
    const target = {
      goos: 'darwin',
      goarch: 'arm64',
      package: '.',
      path: 'dist/gojq_darwin_arm64',
      sizeBytes: 4_000_000,
      buildMs: 1000,
      sha256: 'a'.repeat(64),
      format: 'macho',
      arch: 'arm64',
    };
    const report = buildReport({
      go: { version: '1.21.13', hostOs: 'linux', hostArch: 'amd64', native: true },
      commit: null,
      flags: { ldflags: '-s -w', trimpath: true, cgo: false },
      targets: [
        { ...target, keptSymbols: 5012 },
        { ...target, goarch: 'amd64', arch: 'amd64' },
      ],
      wallMs: 1000,
    });
    expectValidReport(report);
    const summary = renderBuildSection(report);
    expect(summary).toContain('darwin/arm64 keeps 5012 symbols although ldflags strip them (-s)');
    expect(summary).not.toContain('darwin/amd64 keeps');
  });
});
