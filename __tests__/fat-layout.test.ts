// The pure parts of universal-darwin and the checksums file: the fat layout, reading it back, planning the
// universal binaries, checking what was written, and the sha256sum lines.
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { planFatLayout, readFatSlices, readMachOCpu, sliceAlignLog2 } from '../src/core/binary/fat.js';
import { formatName, readBinaryHeader } from '../src/core/binary/header.js';
import type { InspectedBinary } from '../src/io/binary/inspect-file.js';
import { planBuilds } from '../src/core/build/plan.js';
import { parseTargets } from '../src/core/build/targets.js';
import { checkUniversalTargets, planUniversal, universalResult } from '../src/core/build/universal.js';
import { renderChecksums } from '../src/core/report/checksums.js';
import type { TargetResult } from '../src/core/report/report.js';

const ARM64 = { cpuType: 0x0100000c, cpuSubtype: 0 };
const X86_64 = { cpuType: 0x01000007, cpuSubtype: 3 };

describe('planFatLayout', () => {
  // The header llvm-lipo-14 -create wrote for examples/hello built for darwin/arm64 (3668210 bytes) and
  // darwin/amd64 (3834800 bytes) with go1.25: x86_64 first at 4 KiB, arm64 after it on a 16 KiB boundary.
  const LIPO_HEADER = [
    ['cafebabe', '00000002'],
    ['01000007', '00000003', '00001000', '003a83b0', '0000000c'],
    ['0100000c', '00000000', '003ac000', '0037f8f2', '0000000e'],
  ]
    .flat()
    .join('');

  it('lays out arm64 and x86_64 slices as llvm-lipo does, whatever order they come in', () => {
    for (const thin of [
      [
        { ...ARM64, sizeBytes: 3668210 },
        { ...X86_64, sizeBytes: 3834800 },
      ],
      [
        { ...X86_64, sizeBytes: 3834800 },
        { ...ARM64, sizeBytes: 3668210 },
      ],
    ]) {
      const layout = planFatLayout(thin);
      expect(Buffer.from(layout.header).toString('hex')).toBe(LIPO_HEADER);
      expect(layout.slices.map((s) => [s.cpuType, s.offset, s.alignLog2])).toEqual([
        [X86_64.cpuType, 4096, 12],
        [ARM64.cpuType, 0x3ac000, 14],
      ]);
      expect(layout.slices.map((s) => thin[s.input]?.cpuType)).toEqual([X86_64.cpuType, ARM64.cpuType]);
      expect(layout.totalBytes).toBe(0x3ac000 + 3668210);
    }
  });

  it('aligns every slice to its page size, even one that would fit in the padding', () => {
    const layout = planFatLayout([
      { ...ARM64, sizeBytes: 1 },
      { ...X86_64, sizeBytes: 4096 },
    ]);
    expect(layout.slices.map((s) => s.offset)).toEqual([4096, 16384]);
    expect(layout.totalBytes).toBe(16385);
  });

  it('refuses what a 32-bit fat header cannot say, and slices it cannot tell apart', () => {
    expect(() => planFatLayout([])).toThrow(/at least one slice/);
    expect(() =>
      planFatLayout([
        { ...ARM64, sizeBytes: 10 },
        { ...ARM64, sizeBytes: 20 },
      ]),
    ).toThrow(/same CPU type and subtype/);
    expect(() => planFatLayout([{ cpuType: 0x01000018, cpuSubtype: 0, sizeBytes: 10 }])).toThrow(
      /No universal-binary alignment is known for CPU type 0x1000018/,
    );
    expect(() =>
      planFatLayout([
        { ...X86_64, sizeBytes: 2 ** 31 },
        { ...ARM64, sizeBytes: 2 ** 31 },
      ]),
    ).toThrow(/past the 4 GiB a 32-bit fat header can hold/);
  });

  it('gives 32-bit ARM 16 KiB pages and i386 4 KiB, as lipo does', () => {
    expect(sliceAlignLog2(12)).toBe(14);
    expect(sliceAlignLog2(7)).toBe(12);
  });
});

describe('reading a universal header back', () => {
  const thinHeader = (cpu: { cpuType: number; cpuSubtype: number }) => {
    const bytes = Buffer.alloc(32);
    bytes.writeUInt32LE(0xfeedfacf, 0);
    bytes.writeUInt32LE(cpu.cpuType, 4);
    bytes.writeUInt32LE(cpu.cpuSubtype, 8);
    return bytes;
  };

  it('reads a thin Mach-O CPU, and refuses anything else as a slice', () => {
    expect(readMachOCpu(thinHeader(X86_64))).toEqual(X86_64);
    expect(() => readMachOCpu(Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00', 'latin1'))).toThrow(
      /Not a thin 64-bit little-endian Mach-O/,
    );
  });

  it('finds every slice the layout placed, and the header reader calls the file macho-fat', () => {
    const layout = planFatLayout([
      { ...ARM64, sizeBytes: 100 },
      { ...X86_64, sizeBytes: 200 },
    ]);
    const file = Buffer.alloc(layout.totalBytes);
    Buffer.from(layout.header).copy(file);
    for (const slice of layout.slices) thinHeader(slice).copy(file, slice.offset);
    expect(readFatSlices(file)).toEqual(
      layout.slices.map(({ cpuType, cpuSubtype, offset, sizeBytes, alignLog2 }) => ({
        cpuType,
        cpuSubtype,
        offset,
        sizeBytes,
        alignLog2,
      })),
    );
    const header = readBinaryHeader(file);
    expect([formatName(header), header.arch]).toEqual(['macho-fat', 'amd64+arm64']);
    expect(formatName(readBinaryHeader(thinHeader(ARM64)))).toBe('macho');
    expect(() => readFatSlices(file.subarray(0, layout.totalBytes - 1))).toThrow(
      /slice 1 runs to byte 16484 of a 16483-byte file/,
    );
    expect(() => readFatSlices(thinHeader(ARM64))).toThrow(/Not a universal Mach-O/);
  });
});

describe('universal-darwin planning', () => {
  const jobsFor = (targets: string, nameTemplate = '{name}_{goos}_{goarch}{ext}') =>
    planBuilds({
      workingDirectory: '/w/hello',
      packages: ['.', './cmd/tool'],
      targets: parseTargets(targets),
      ldflags: '',
      trimpath: true,
      cgo: false,
      tags: [],
      extraFlags: [],
      outputDir: '/w/dist',
      nameTemplate,
    });

  it('needs darwin/arm64 and darwin/amd64 without a variant, and names what is missing', () => {
    expect(() => checkUniversalTargets(parseTargets('darwin/arm64 darwin/amd64 linux/amd64'))).not.toThrow();
    expect(() => checkUniversalTargets(parseTargets('darwin/arm64 linux/amd64'))).toThrow(
      /universal-darwin is true, but targets \(darwin\/arm64 linux\/amd64\) lack darwin\/amd64/,
    );
    expect(() => checkUniversalTargets(parseTargets('darwin/arm64 darwin/amd64/v3'))).toThrow(
      /lack darwin\/amd64\. Add/,
    );
    expect(() => checkUniversalTargets([])).toThrow(/targets \(empty\) lack darwin\/arm64 and darwin\/amd64/);
  });

  it('names one universal binary per package by the template, made of its two darwin builds', () => {
    const plans = planUniversal(
      jobsFor('linux/amd64 darwin/amd64 darwin/arm64', '{goos}_{goarch}/{name}{ext}'),
      {
        workingDirectory: '/w/hello',
        outputDir: '/w/dist',
        nameTemplate: '{goos}_{goarch}/{name}{ext}',
      },
    );
    expect(plans.map((p) => [p.label, p.output, p.slices.map((job) => job.output)])).toEqual([
      [
        '. darwin/universal',
        '/w/dist/darwin_universal/hello',
        ['/w/dist/darwin_arm64/hello', '/w/dist/darwin_amd64/hello'],
      ],
      [
        './cmd/tool darwin/universal',
        '/w/dist/darwin_universal/tool',
        ['/w/dist/darwin_arm64/tool', '/w/dist/darwin_amd64/tool'],
      ],
    ]);
  });
});

describe('universalResult', () => {
  const thin: TargetResult[] = ['arm64', 'amd64'].map((goarch) => ({
    goos: 'darwin',
    goarch,
    package: '.',
    path: `dist/hello_darwin_${goarch}`,
    sizeBytes: 100,
    buildMs: 1,
    sha256: goarch === 'arm64' ? 'a'.repeat(64) : 'b'.repeat(64),
    format: 'macho',
    arch: goarch,
  }));
  const plan = {
    package: '.',
    output: '/w/dist/hello_darwin_universal',
    slices: [],
    label: '. darwin/universal',
  };
  // The header as the reader gives it for the fat file the layout makes of the two slices below.
  const header = readBinaryHeader(
    Buffer.from(
      planFatLayout([
        { ...X86_64, sizeBytes: 100 },
        { ...ARM64, sizeBytes: 100 },
      ]).header,
    ),
  );
  const inspected = (amd64Sha: string, amd64Goarch = 'amd64'): InspectedBinary => ({
    sizeBytes: 20000,
    sha256: 'c'.repeat(64),
    header,
    slices: [
      {
        arch: 'amd64',
        offset: 4096,
        sizeBytes: 100,
        sha256: amd64Sha,
        buildInfo: { goVersion: 'go1.25.4', deps: [], settings: { GOOS: 'darwin', GOARCH: amd64Goarch } },
      },
      {
        arch: 'arm64',
        offset: 16384,
        sizeBytes: 100,
        sha256: 'a'.repeat(64),
        buildInfo: { goVersion: 'go1.25.4', deps: [], settings: { GOOS: 'darwin', GOARCH: 'arm64' } },
      },
    ],
  });
  const file = { path: 'dist/hello_darwin_universal', buildMs: 5 };

  it('makes a macho-fat row listing each slice with its build info', () => {
    expect(universalResult(plan, inspected('b'.repeat(64)), thin, file)).toEqual({
      result: {
        goos: 'darwin',
        goarch: 'universal',
        package: '.',
        path: 'dist/hello_darwin_universal',
        sizeBytes: 20000,
        buildMs: 5,
        sha256: 'c'.repeat(64),
        format: 'macho-fat',
        arch: 'amd64+arm64',
        slices: [
          {
            arch: 'amd64',
            offset: 4096,
            sizeBytes: 100,
            sha256: 'b'.repeat(64),
            goVersion: 'go1.25.4',
            goos: 'darwin',
            goarch: 'amd64',
          },
          {
            arch: 'arm64',
            offset: 16384,
            sizeBytes: 100,
            sha256: 'a'.repeat(64),
            goVersion: 'go1.25.4',
            goos: 'darwin',
            goarch: 'arm64',
          },
        ],
      },
    });
  });

  it('refuses a slice that is not the thin build, or whose build info names another arch', () => {
    expect(universalResult(plan, inspected('d'.repeat(64)), thin, file)).toEqual({
      problems: ['its amd64 slice differs from the darwin/amd64 build'],
    });
    expect(universalResult(plan, inspected('b'.repeat(64), 'arm64'), thin, file)).toEqual({
      problems: ["its amd64 slice's build info says darwin/arm64"],
    });
  });
});

describe('renderChecksums', () => {
  it('sorts by name in byte order, two spaces between hash and name', () => {
    expect(
      renderChecksums([
        { name: 'b', sha256: '2'.repeat(64) },
        { name: 'B/x', sha256: '1'.repeat(64) },
        { name: 'a', sha256: '3'.repeat(64) },
      ]),
    ).toBe(`${'1'.repeat(64)}  B/x\n${'3'.repeat(64)}  a\n${'2'.repeat(64)}  b\n`);
  });

  it('escapes backslashes and newlines in names the way sha256sum -c reads them back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sga-checksums-'));
    const names = ['plain', 'back\\slash', 'new\nline'];
    const files = [];
    for (const name of names) {
      await writeFile(path.join(dir, name), name);
      const sum = spawnSync('sha256sum', ['-b', '--', name], { cwd: dir, encoding: 'utf8' }).stdout;
      files.push({ name, sha256: /[0-9a-f]{64}/.exec(sum)?.[0] as string });
    }
    await writeFile(path.join(dir, 'SUMS'), renderChecksums(files));
    const check = spawnSync('sha256sum', ['-c', 'SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout.match(/: OK$/gm)).toHaveLength(3);
  });
});
