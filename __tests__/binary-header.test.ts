import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BINARY_HEADER_BYTES, readBinaryHeader } from '../src/core/binary/header.js';
import {
  BUILD_VARIANTS,
  CROSS_TARGETS,
  assembleFatMachO,
  buildHelloPrograms,
  findProgram,
  goEnv,
  readGoRootTestData,
  targetName,
  type BuiltProgram,
} from './fixtures/binary/go-programs.js';

const fixtureDir = path.join(import.meta.dirname, 'fixtures', 'binary');

let programs: BuiltProgram[];
let goroot: string;

beforeAll(async () => {
  [programs, goroot] = await Promise.all([buildHelloPrograms(), goEnv('GOROOT')]);
}, 900_000);

describe('headers of programs built by the go on PATH', () => {
  const cases = CROSS_TARGETS.flatMap((target) => BUILD_VARIANTS.map((variant) => ({ target, variant })));

  it.each(cases.map((c) => [targetName(c.target), c.variant, c] as const))(
    '%s (%s)',
    async (_name, _variant, c) => {
      const bytes = await readFile(findProgram(programs, c.target, c.variant).file);
      const expectedFormat = { darwin: 'macho', windows: 'pe' }[c.target.goos] ?? 'elf';
      const expected = {
        format: expectedFormat,
        os: c.target.goos,
        arch: c.target.goarch,
        archs: [c.target.goarch],
        fat: false,
        bits: ['386', 'arm'].includes(c.target.goarch) ? 32 : 64,
        littleEndian: true,
      };
      expect(readBinaryHeader(bytes.subarray(0, BINARY_HEADER_BYTES))).toEqual(expected);
      expect(readBinaryHeader(bytes)).toEqual(expected);
    },
  );

  it.each(CROSS_TARGETS.map((target) => [targetName(target), target] as const))(
    '%s: the stripped build really lost its symbols',
    async (_name, target) => {
      const [symbols, stripped] = await Promise.all(
        BUILD_VARIANTS.map(async (variant) => (await stat(findProgram(programs, target, variant).file)).size),
      );
      expect(stripped).toBeLessThan((symbols as number) * 0.9);
    },
  );
});

describe('fat (universal) Mach-O assembled from real thin files', () => {
  it.each([
    ['fat', false],
    ['fat64', true],
  ])('%s with amd64 and arm64 slices', async (_name, wide) => {
    const thin = await Promise.all(
      (['amd64', 'arm64'] as const).map((goarch) =>
        readFile(findProgram(programs, { goos: 'darwin', goarch }, 'stripped').file),
      ),
    );
    const fat = assembleFatMachO(thin, wide);
    expect(readBinaryHeader(fat.subarray(0, BINARY_HEADER_BYTES))).toEqual({
      format: 'macho',
      os: 'darwin',
      arch: 'amd64+arm64',
      archs: ['amd64', 'arm64'],
      fat: true,
      bits: 64,
      littleEndian: true,
    });
    expect(readBinaryHeader(assembleFatMachO([thin[1] as Buffer], wide)).arch).toBe('arm64');
  });

  it('reads the universal binary in Go’s own test data (built by Apple’s tools)', async () => {
    const fat = await readGoRootTestData(goroot, 'debug/macho/testdata/fat-gcc-386-amd64-darwin-exec');
    expect(readBinaryHeader(fat)).toMatchObject({ format: 'macho', arch: '386+amd64', fat: true, bits: 32 });
  });

  it('refuses a table of architectures cut short', async () => {
    const thin = await readFile(findProgram(programs, { goos: 'darwin', goarch: 'arm64' }, 'stripped').file);
    const fat = assembleFatMachO([thin, thin], true);
    expect(() => readBinaryHeader(fat.subarray(0, 50))).toThrow(
      /Truncated Mach-O universal binary: 2 architectures need 72 header bytes, got 50/,
    );
  });
});

describe('bin/go of the official go1.25.4 toolchains (first 8 KiB, see fixtures/binary/README.md)', () => {
  it.each([
    ['darwin-arm64', 'macho', 'darwin', 'arm64'],
    ['darwin-amd64', 'macho', 'darwin', 'amd64'],
    ['linux-arm64', 'elf', 'linux', 'arm64'],
    ['linux-amd64', 'elf', 'linux', 'amd64'],
  ])('%s is %s %s/%s', async (platform, format, goos, arch) => {
    const head = await readFile(path.join(fixtureDir, `go1.25.4.${platform}.bin-go.head`));
    expect(readBinaryHeader(head)).toEqual({
      format,
      os: goos,
      arch,
      archs: [arch],
      fat: false,
      bits: 64,
      littleEndian: true,
    });
  });
});

describe('executables and objects from other compilers, in Go’s own test data', () => {
  it.each([
    ['debug/elf/testdata/gcc-386-freebsd-exec', 'elf', 'freebsd', '386', 32, true],
    ['debug/elf/testdata/gcc-amd64-linux-exec', 'elf', 'linux', 'amd64', 64, true],
    ['debug/elf/testdata/gcc-riscv64-linux-exec', 'elf', 'linux', 'riscv64', 64, true],
    ['debug/elf/testdata/go-relocation-test-gcc482-aarch64.obj', 'elf', 'linux', 'arm64', 64, true],
    ['debug/elf/testdata/go-relocation-test-gcc492-arm.obj', 'elf', 'linux', 'arm', 32, true],
    ['debug/elf/testdata/go-relocation-test-gcc482-ppc64le.obj', 'elf', 'linux', 'ppc64le', 64, true],
    ['debug/elf/testdata/go-relocation-test-gcc5-ppc.obj', 'elf', 'linux', 'ppc', 32, false],
    ['debug/elf/testdata/go-relocation-test-gcc531-s390x.obj', 'elf', 'linux', 's390x', 64, false],
    ['debug/elf/testdata/go-relocation-test-gcc540-mips.obj', 'elf', 'linux', 'mips', 32, false],
    ['debug/elf/testdata/go-relocation-test-gcc492-mipsle.obj', 'elf', 'linux', 'mipsle', 32, true],
    ['debug/elf/testdata/go-relocation-test-gcc492-mips64.obj', 'elf', 'linux', 'mips64', 64, false],
    ['debug/elf/testdata/go-relocation-test-gcc620-sparc64.obj', 'elf', 'linux', 'sparc64', 64, false],
    ['debug/macho/testdata/gcc-386-darwin-exec', 'macho', 'darwin', '386', 32, true],
    ['debug/macho/testdata/gcc-amd64-darwin-exec', 'macho', 'darwin', 'amd64', 64, true],
    ['debug/pe/testdata/gcc-386-mingw-exec', 'pe', 'windows', '386', 32, true],
    ['debug/pe/testdata/gcc-amd64-mingw-exec', 'pe', 'windows', 'amd64', 64, true],
  ])('%s: %s %s/%s', async (file, format, goos, arch, bits, littleEndian) => {
    const bytes = await readGoRootTestData(goroot, file);
    expect(readBinaryHeader(bytes)).toEqual({
      format,
      os: goos,
      arch,
      archs: [arch],
      fat: false,
      bits,
      littleEndian,
    });
  });
});

describe('what is not an executable gets an error that says what it looked like', () => {
  it('an empty file', () => {
    expect(() => readBinaryHeader(new Uint8Array())).toThrow('Not an executable: the file is empty');
  });

  it('garbage', () => {
    const garbage = createHash('sha512').update('not an executable').digest();
    const hex = [...garbage.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    expect(() => readBinaryHeader(garbage)).toThrow(
      `Not an ELF, Mach-O, PE or WebAssembly executable: first bytes ${hex}`,
    );
  });

  it('a shell script and a node script', async () => {
    const script = Buffer.from('#!/bin/sh\nexec go "$@"\n');
    expect(() => readBinaryHeader(script)).toThrow(
      'Not an ELF, Mach-O, PE or WebAssembly executable: a script starting "#!/bin/sh"',
    );
    const tsc = await readFile(
      path.join(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc'),
    );
    expect(() => readBinaryHeader(tsc)).toThrow(/a script starting "#!\/usr\/bin\/env node"/);
  });

  it('other text and archives', async () => {
    const readme = await readFile(path.join(fixtureDir, 'README.md'));
    expect(() => readBinaryHeader(readme)).toThrow(/executable: text "# Binary fixtures\\n\\n/);
    expect(() => readBinaryHeader(gzipSync(readme))).toThrow(/executable: a gzip stream$/);
  });

  it('a Java class file, which shares the universal binary magic 0xcafebabe', () => {
    // ClassFile header: magic, minor_version 0, major_version 65 (Java 21), then the constant pool count.
    const javaClass = Buffer.from('cafebabe000000410011', 'hex');
    expect(() => readBinaryHeader(javaClass)).toThrow(
      'Not an executable: a Java class file (magic 0xcafebabe, class version 65.0), not a Mach-O universal binary',
    );
  });

  it('a bare COFF object (no MZ stub)', async () => {
    const object = await readGoRootTestData(
      goroot,
      'debug/pe/testdata/llvm-mingw-20211002-msvcrt-x86_64-crt2',
    );
    expect(() => readBinaryHeader(object)).toThrow(
      /^Not an ELF, Mach-O, PE or WebAssembly executable: first bytes 64 86 /,
    );
  });

  it('truncated real executables', async () => {
    const elf = await readFile(findProgram(programs, { goos: 'linux', goarch: 'arm64' }, 'stripped').file);
    expect(() => readBinaryHeader(elf.subarray(0, 12))).toThrow(
      'Truncated ELF file: 12 bytes, but the header needs at least 20',
    );
    const pe = await readFile(findProgram(programs, { goos: 'windows', goarch: 'arm64' }, 'stripped').file);
    const peOffset = pe.readUInt32LE(0x3c);
    expect(() => readBinaryHeader(pe.subarray(0, 0x40))).toThrow(
      `Truncated PE file: its PE header is at offset ${peOffset}, beyond the 64 bytes given`,
    );
    expect(() => readBinaryHeader(pe.subarray(0, 20))).toThrow(/'MZ' magic, but 20 bytes are too few/);
    const macho = await readFile(findProgram(programs, { goos: 'darwin', goarch: 'arm64' }, 'stripped').file);
    expect(() => readBinaryHeader(macho.subarray(0, 6))).toThrow('Truncated Mach-O file: 6 bytes');
    const fat = assembleFatMachO([macho], false);
    expect(() => readBinaryHeader(fat.subarray(0, 5))).toThrow(
      'Truncated file: 5 bytes starting with magic 0xcafebabe, too few to tell a Mach-O universal binary',
    );
  });

  it('a DOS program: MZ without a PE signature', async () => {
    const pe = Buffer.from(
      await readFile(findProgram(programs, { goos: 'windows', goarch: 'amd64' }, 'stripped').file),
    );
    const peOffset = pe.readUInt32LE(0x3c);
    pe.write('NE', peOffset, 'latin1');
    expect(() => readBinaryHeader(pe)).toThrow(
      `Not a PE executable: 'MZ' magic, but no 'PE\\0\\0' signature at e_lfanew (offset ${peOffset})`,
    );
  });
});
