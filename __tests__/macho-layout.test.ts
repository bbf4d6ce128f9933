// Mach-O sections and symbol counts read from the load commands, checked against Go's own debug/macho on real
// darwin binaries (with symbols and stripped), and size attribution of Mach-O files, checked against ELF's.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMachOLayout } from '../src/core/binary/macho-layout.js';
import { stripsSymbolTable } from '../src/core/build/ldflags.js';
import { locateNmTool, measureAttribution } from '../src/io/build/attribution.js';
import type { BuildJob } from '../src/core/build/plan.js';
import { runBuildJob } from '../src/io/build/run.js';
import { attributeSizes, parseLinkedArchives, parseObjectSizes } from '../src/core/report/attribution.js';
import { buildReport, type TargetResult } from '../src/core/report/report.js';
import { renderBuildSection } from '../src/core/report/summary.js';
import { expectValidReport } from '../test/support/report-schema.js';
import { buildHelloPrograms, runGo, writeModule, type BuiltProgram } from './fixtures/binary/go-programs.js';
import { buildTestEnv, scratchDir } from './fixtures/builds/go-modules.js';

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

describe('attributeSizes with the package archives', () => {
  it("counts a Mach-O symbol's size in the archives, not the unnamed data and padding after it", () => {
    const symbols = [
      { address: 0x1000n, size: 0x5000, kind: 'D', name: 'internal/strconv.pow10Tab' },
      { address: 0x6000n, size: 0x40, kind: 'T', name: 'runtime.call128.abi0' },
      { address: 0x6040n, size: 0x20, kind: 'T', name: '_aeshashbody' },
      { address: 0x6060n, size: 0x20, kind: 'T', name: 'main.unknownToArchives' },
    ];
    const archives = [
      '/cache/ab/abc-d(_go_.o):\t   54a67      11136 D internal/strconv.pow10Tab',
      '/cache/ab/abc-d(_go_.o):\t                  0 U internal/strconv.pow10Tab',
      '/cache/cd/cde-d(_go_.o):\t  e9cdbf         25 T runtime.call128',
      '/cache/cd/cde-d(asm.o):\t   19327         51 T runtime.call128',
      '/cache/cd/cde-d(asm.o):\t   19400         30 T aeshashbody',
      '/cache/cd/cde-d(asm.o):\t   19500          4 r main.unknownToArchives.stmp_1<1>',
    ].join('\n');
    const sizes = parseObjectSizes(archives);
    expect(sizes.get('main.unknownToArchives.stmp_1')).toBe(4);
    expect(attributeSizes(symbols, 15, [], sizes)).toEqual([
      { package: 'internal/strconv', sizeBytes: 11136 },
      { package: 'runtime', sizeBytes: 51 },
      { package: 'main', sizeBytes: 0x20 },
      { package: '(assembly and C)', sizeBytes: 30 },
    ]);
  });

  it("leaves out the linker's group symbols, which hold other symbols' data", () => {
    const symbols = ['_type:*', 'typerel.*', 'go:string.*', '_go:funcdesc', 'runtime.gcbits.*'].map(
      (name, index) => ({ address: BigInt(0x1000 * (index + 1)), size: 0x1000, kind: 'R', name }),
    );
    symbols.push({ address: 0x9000n, size: 8, kind: 'R', name: 'go:itab.main.T,error' });
    expect(attributeSizes(symbols)).toEqual([{ package: 'go:', sizeBytes: 8 }]);
  });

  it('reads the archives a go build -x link names, each once, leaving out its own temporary ones', () => {
    const output = [
      'WORK=/tmp/go-build1',
      "cat >/tmp/go-build1/b001/importcfg.link << 'EOF' # internal",
      'packagefile example.com/fresh=/tmp/go-build1/b002/_pkg_.a',
      'packagefile example.com/app=/cache/c2/c2b3-d',
      'packagefile runtime=/cache/ac/acb0-d',
      'packagefile runtime=/cache/ac/acb0-d',
      'EOF',
    ].join('\n');
    expect(parseLinkedArchives(output)).toEqual(['/cache/c2/c2b3-d', '/cache/ac/acb0-d']);
  });
});

/** A package of the shape that misled nm on Mach-O: a table, then a slice literal whose backing array has no name. */
const TABLES_MODULE = {
  'go.mod': 'module example.com/tables\n\ngo 1.22\n',
  'table/table.go': [
    'package table',
    '',
    `var Pow = [...]uint64{${Array.from({ length: 700 }, (_, i) => String(i * 7919 + 1)).join(', ')}}`,
    '',
    `var Ranges = [][3]int{${Array.from({ length: 900 }, (_, i) => `{${i}, ${i * 3}, ${i % 7}}`).join(', ')}}`,
    '',
    'func Lookup(i int) uint64 { return Pow[i%len(Pow)] + uint64(Ranges[i%len(Ranges)][1]) }',
    '',
  ].join('\n'),
  'main.go': [
    'package main',
    '',
    'import (',
    '\t"fmt"',
    '\t"os"',
    '',
    '\t"example.com/tables/table"',
    ')',
    '',
    'func main() { fmt.Println(table.Lookup(len(os.Args))) }',
    '',
  ].join('\n'),
};

describe('measureAttribution on darwin and linux builds of the same program', () => {
  it("gives a darwin package the bytes linux's symbol table gives it", async () => {
    const dir = await scratchDir('sga-attr-tables-');
    await writeModule(dir, TABLES_MODULE);
    const go = { goBinary: 'go', cwd: dir, env: buildTestEnv({ CGO_ENABLED: '0' }) };
    const nmTool = await locateNmTool(go);
    const measure = async (goos: string) => {
      const output = path.join(dir, `tables-${goos}`);
      const job: BuildJob = {
        package: '.',
        target: { goos, goarch: 'amd64' } as BuildJob['target'],
        args: ['build', '-o', output, '-trimpath', '-buildvcs=false', '-ldflags=-s -w', '.'],
        env: { GOOS: goos, GOARCH: 'amd64' },
        output,
        label: `. ${goos}/amd64`,
      };
      // As the action does: the build first, so GOCACHE holds every package the second link reads.
      expect((await runBuildJob(job, go)).ok).toBe(true);
      return measureAttribution(job, go, nmTool, `${output}.unstripped`, 1000);
    };
    const [darwin, linux] = [await measure('darwin'), await measure('linux')];
    const size = (list: typeof darwin, pkg: string) => list.find((p) => p.package === pkg)?.sizeBytes;
    // Pow's 5,600 bytes and Lookup; Ranges' backing array (21,600 bytes) has no symbol in either file.
    expect(size(linux, 'example.com/tables/table')).toBeGreaterThan(5600);
    for (const pkg of ['example.com/tables/table', 'main', 'fmt', 'strconv', 'unicode']) {
      expect({ pkg, size: size(darwin, pkg) }).toEqual({ pkg, size: size(linux, pkg) });
    }
    // The runtime's and os' types differ by GOOS (10% here), but `type:*` no longer claims every descriptor.
    expect(size(darwin, 'type:')!).toBeLessThan(1.5 * size(linux, 'type:')!);
  }, 180_000);
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
    const target: TargetResult = {
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
