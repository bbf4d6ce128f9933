import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readGoBuildInfo, type GoBuildInfo, type GoModule } from '../src/core/binary/buildinfo.js';
import { readBinaryHeader } from '../src/core/binary/header.js';
import { inspectBinaryFile } from '../src/io/binary/inspect-file.js';
import {
  BUILD_VARIANTS,
  CROSS_TARGETS,
  HELLO_MODULE,
  assembleFatMachO,
  buildHelloPrograms,
  findProgram,
  goBuild,
  goEnv,
  readGoRootTestData,
  runGo,
  targetName,
  writeModule,
  type BuiltProgram,
} from './fixtures/binary/go-programs.js';

const fixtureDir = path.join(import.meta.dirname, 'fixtures', 'binary');

/** The -ldflags value of the program with a dependency: a quoted -X with a tab, a control byte and U+200B. */
const TRICKY_LDFLAGS = '-s -w -X "main.greeting=héllo\tworld\x01\u200b"';

let workDir: string;
let programs: BuiltProgram[];
let goVersion: string;
let goroot: string;
let withDependency: string;

/**
 * A module that requires a local module through a replace directive, built stripped with tags and quoted -ldflags
 * and without -trimpath, so the build info keeps -ldflags.
 */
async function buildProgramWithDependency(dir: string): Promise<string> {
  const moduleDir = path.join(dir, 'app');
  await writeModule(moduleDir, {
    'go.mod':
      'module example.com/app\n\ngo 1.22\n\nrequire example.com/greet v0.0.0\n\nreplace example.com/greet => ./greet\n',
    'main.go':
      'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greet"\n)\n\nvar greeting = "hi"\n\n' +
      'func main() { fmt.Println(greet.Hello(), greeting) }\n',
    'greet/go.mod': 'module example.com/greet\n\ngo 1.22\n',
    'greet/greet.go': 'package greet\n\nfunc Hello() string { return "hello" }\n',
  });
  return goBuild(
    moduleDir,
    { goos: 'linux', goarch: 'amd64' },
    ['-tags=netgo,osusergo', `-ldflags=${TRICKY_LDFLAGS}`],
    path.join(dir, 'out', 'app-linux-amd64'),
  );
}

interface GoJsonModule {
  Path: string;
  Version: string;
  Sum?: string;
  Replace?: GoJsonModule;
}

function fromGoJson(module: GoJsonModule): GoModule {
  return {
    path: module.Path,
    version: module.Version,
    ...(module.Sum ? { sum: module.Sum } : {}),
    ...(module.Replace ? { replace: fromGoJson(module.Replace) } : {}),
  };
}

/** What Go's own reader (`go version -m -json`) finds, in this module's shape. */
async function buildInfoByGo(file: string): Promise<GoBuildInfo> {
  const json = JSON.parse(await runGo(['version', '-m', '-json', file])) as {
    GoVersion: string;
    Path?: string;
    Main?: GoJsonModule;
    Deps?: GoJsonModule[];
    Settings?: { Key: string; Value: string }[];
  };
  return {
    goVersion: json.GoVersion,
    ...(json.Path ? { path: json.Path } : {}),
    ...(json.Main?.Path ? { main: fromGoJson(json.Main) } : {}),
    deps: (json.Deps ?? []).map(fromGoJson),
    settings: Object.fromEntries((json.Settings ?? []).map(({ Key, Value }) => [Key, Value])),
  };
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'buildinfo-'));
  [programs, goVersion, goroot, withDependency] = await Promise.all([
    buildHelloPrograms(),
    goEnv('GOVERSION'),
    goEnv('GOROOT'),
    buildProgramWithDependency(workDir),
  ]);
}, 900_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('build info of programs built by the go on PATH', () => {
  const cases = CROSS_TARGETS.flatMap((target) => BUILD_VARIANTS.map((variant) => ({ target, variant })));

  it.each(cases.map((c) => [targetName(c.target), c.variant, c] as const))(
    '%s (%s)',
    async (_name, _variant, c) => {
      const file = findProgram(programs, c.target, c.variant).file;
      const info = readGoBuildInfo(await readFile(file));
      expect(info).toBeDefined();
      expect(info?.goVersion).toBe(goVersion);
      expect(info?.path).toBe(HELLO_MODULE);
      expect(info?.main).toEqual({ path: HELLO_MODULE, version: '(devel)' });
      expect(info?.deps).toEqual([]);
      expect(info?.settings).toMatchObject({
        GOOS: c.target.goos,
        GOARCH: c.target.goarch,
        CGO_ENABLED: '0',
      });
      expect(info?.settings.GOARM).toBe(c.target.goarm);
      expect(info?.settings['-trimpath']).toBe('true');
      expect(info?.settings['-ldflags']).toBeUndefined();
      expect(info).toEqual(await buildInfoByGo(file));
    },
  );
});

describe('build info beyond a hello world', () => {
  it('reads dependencies, replacements, tags and quoted -ldflags as Go does', async () => {
    const info = readGoBuildInfo(await readFile(withDependency));
    expect(info?.path).toBe('example.com/app');
    expect(info?.deps).toEqual([
      { path: 'example.com/greet', version: 'v0.0.0', replace: { path: './greet', version: '(devel)' } },
    ]);
    expect(info?.settings['-tags']).toBe('netgo,osusergo');
    expect(info?.settings['-ldflags']).toBe(TRICKY_LDFLAGS);
    expect(info).toEqual(await buildInfoByGo(withDependency));
  });

  it('finds the real blob in the go command, which also holds the magic as a string constant', async () => {
    const goBinary = path.join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');
    const bytes = await readFile(goBinary);
    const magic = Buffer.from('\xff Go buildinf:', 'latin1');
    expect(bytes.indexOf(magic)).not.toBe(bytes.lastIndexOf(magic));
    const info = readGoBuildInfo(bytes);
    expect(info?.path).toBe('cmd/go');
    expect(info).toEqual(await buildInfoByGo(goBinary));
  });

  it('reads the first slice of a fat Mach-O', async () => {
    const thin = await Promise.all(
      (['arm64', 'amd64'] as const).map((goarch) =>
        readFile(findProgram(programs, { goos: 'darwin', goarch }, 'stripped').file),
      ),
    );
    expect(readGoBuildInfo(assembleFatMachO(thin, false))?.settings.GOARCH).toBe('arm64');
  });

  it('is undefined for files without Go build info', async () => {
    const head = await readFile(path.join(fixtureDir, 'go1.25.4.linux-arm64.bin-go.head'));
    expect(readGoBuildInfo(head)).toBeUndefined();
    const cProgram = await readGoRootTestData(goroot, 'debug/elf/testdata/gcc-amd64-linux-exec');
    expect(readGoBuildInfo(cProgram)).toBeUndefined();
    expect(readGoBuildInfo(new Uint8Array())).toBeUndefined();
  });

  it('refuses a blob whose module text is malformed', async () => {
    const bytes = Buffer.from(
      await readFile(findProgram(programs, { goos: 'linux', goarch: 'arm64' }, 'stripped').file),
    );
    // The module text is also in rodata as runtime.modinfo, so every copy is changed.
    const line = '\nbuild\t-compiler=gc\n';
    for (let at = bytes.indexOf(line); at >= 0; at = bytes.indexOf(line, at + 1)) {
      bytes.write('#', at + '\nbuild\t-compiler'.length, 'latin1');
    }
    expect(() => readGoBuildInfo(bytes)).toThrow(
      /^Malformed Go build info, line \d+ \("build\\t-compiler#gc"\): expected key=value/,
    );
  });
});

describe('inspectBinaryFile', () => {
  it('measures a real binary: size, sha256, header and build info', async () => {
    const file = findProgram(programs, { goos: 'windows', goarch: 'arm64' }, 'stripped').file;
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    const inspected = await inspectBinaryFile(file);
    expect(inspected.sizeBytes).toBe((await stat(file)).size);
    expect(inspected.sha256).toBe(hash.digest('hex'));
    expect(inspected.header).toMatchObject({ format: 'pe', os: 'windows', arch: 'arm64' });
    expect(inspected.buildInfo?.settings).toMatchObject({
      GOOS: 'windows',
      GOARCH: 'arm64',
      '-trimpath': 'true',
    });
  });

  it('leaves buildInfo out for an executable Go did not build', async () => {
    const file = path.join(workDir, 'gcc-386-mingw-exec');
    await writeFile(file, await readGoRootTestData(goroot, 'debug/pe/testdata/gcc-386-mingw-exec'));
    const inspected = await inspectBinaryFile(file);
    expect(inspected.header).toEqual(readBinaryHeader(await readFile(file)));
    expect(inspected).not.toHaveProperty('buildInfo');
  });

  it('names the file when it is not an executable', async () => {
    const file = path.join(workDir, 'build.sh');
    await writeFile(file, '#!/bin/sh\ngo build ./...\n');
    await expect(inspectBinaryFile(file)).rejects.toThrow(
      `${file}: Not an ELF, Mach-O, PE or WebAssembly executable: a script starting "#!/bin/sh"`,
    );
  });
});
