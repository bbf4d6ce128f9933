// SBOMs of real binaries: the bundled action builds examples/hello (and a copy using replace directives) with the
// go on PATH through the local runner, and every <binary>.cdx.json it writes must be a valid CycloneDX 1.5 BOM
// that says what `go version -m` says about the same file, read here by a parser of its own.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { Report } from '../src/core/report/report.js';
import type { CycloneDxBom, CycloneDxComponent } from '../src/core/report/sbom.js';
import { cycloneDxSchemaErrors } from '../test/support/cyclonedx-schema.js';
import { expectValidReport } from '../test/support/report-schema.js';
import {
  localGo,
  REPO_ROOT,
  runActionOnApp,
  scratchDir,
  toolCacheWithLocalGo,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

interface GoVersionModule {
  path: string;
  version: string;
  sum?: string;
  replace?: GoVersionModule;
}

/** `go version -m <file>`, as its text reads: the Go version, `mod`, `dep` (with `=>` after), `build` lines. */
interface GoVersionM {
  goVersion: string;
  mod?: GoVersionModule;
  deps: GoVersionModule[];
  build: [string, string][];
}

function parseGoVersionM(text: string): GoVersionM {
  const [first = '', ...lines] = text.trimEnd().split('\n');
  const parsed: GoVersionM = { goVersion: first.slice(first.lastIndexOf(': ') + 2), deps: [], build: [] };
  const moduleOf = ([modulePath = '', version = '', sum]: string[]): GoVersionModule => ({
    path: modulePath,
    version,
    ...(sum ? { sum } : {}),
  });
  for (const line of lines) {
    const [kind, ...fields] = line.replace(/^\t/, '').split('\t');
    if (kind === 'mod') parsed.mod = moduleOf(fields);
    else if (kind === 'dep') parsed.deps.push(moduleOf(fields));
    else if (kind === '=>') (parsed.deps.at(-1) as GoVersionModule).replace = moduleOf(fields);
    else if (kind === 'build') {
      const setting = fields.join('\t');
      const equals = setting.indexOf('=');
      const value = setting.slice(equals + 1);
      // go quotes a value holding spaces or quotes, as a Go string literal (JSON reads the ones built here).
      parsed.build.push([
        setting.slice(0, equals),
        value.startsWith('"') ? (JSON.parse(value) as string) : value,
      ]);
    }
  }
  return parsed;
}

/** The module path, version and go.sum hash a component names, read back through its purl and property. */
function linkedModule(component: CycloneDxComponent): GoVersionModule {
  const purl = component.purl ? PackageURL.fromString(component.purl) : undefined;
  if (purl) expect(purl.version).toBe(component.version);
  const sum = component.properties?.find((p) => p.name === 'setup-go-arm64:module:sum')?.value;
  return {
    path: purl ? `${purl.namespace}/${purl.name}` : component.name,
    version: component.version ?? '',
    ...(sum ? { sum } : {}),
  };
}

/** Every fact of `go version -m` about the file must be in its SBOM, and the SBOM must say no more modules. */
async function expectSbomMatchesGo(go: LocalGo, binary: string, bom: CycloneDxBom): Promise<GoVersionM> {
  expect(await cycloneDxSchemaErrors(bom)).toEqual([]);
  const byGo = parseGoVersionM(execFileSync(go.goBinary, ['version', '-m', binary], { encoding: 'utf8' }));
  const app = bom.metadata.component;
  const property = (name: string) => app.properties?.find((p) => p.name === `setup-go-arm64:${name}`)?.value;
  expect(app.name).toBe(path.basename(binary));
  expect(property('go:version')).toBe(byGo.goVersion);
  expect(app.version).toBe(byGo.mod?.version);
  expect(app.purl && PackageURL.fromString(app.purl).namespace).toBe(path.dirname(byGo.mod?.path ?? ''));
  expect(
    (app.properties ?? [])
      .filter((p) => p.name.startsWith('setup-go-arm64:build:'))
      .map((p) => [p.name, p.value]),
  ).toEqual(byGo.build.map(([key, value]) => [`setup-go-arm64:build:${key}`, value]));

  const modules = bom.components.filter((c) => c.name !== 'stdlib');
  expect(modules).toHaveLength(byGo.deps.length);
  byGo.deps.forEach((dep, index) => {
    const component = modules[index] as CycloneDxComponent;
    const linked = dep.replace ?? dep;
    const local = dep.replace !== undefined && /^\.\.?\//.test(dep.replace.path);
    expect(linkedModule(component)).toEqual(local ? { path: dep.path, version: linked.version } : linked);
    if (dep.replace) {
      const [ancestor] = component.pedigree?.ancestors ?? [];
      expect(ancestor && linkedModule(ancestor)).toEqual({ path: dep.path, version: dep.version });
    } else {
      expect(component.pedigree).toBeUndefined();
    }
  });
  expect(bom.components.find((c) => c.name === 'stdlib')?.version).toBe(byGo.goVersion.replace(/^go/, ''));
  return byGo;
}

let go: LocalGo;
let toolCache: string;

beforeAll(async () => {
  go = await localGo();
  toolCache = await toolCacheWithLocalGo(go);
});

/** A workspace holding examples/hello in app/, its modules downloaded (the builds run with GOPROXY=off). */
async function helloWorkspace(edit?: (moduleDir: string) => Promise<void>): Promise<string> {
  const workspace = await scratchDir('sga-sbom-');
  const moduleDir = path.join(workspace, 'app');
  await cp(path.join(REPO_ROOT, 'examples/hello'), moduleDir, { recursive: true });
  await edit?.(moduleDir);
  // Through the machine's GOPROXY, as a runner's module cache is filled before a build.
  execFileSync(go.goBinary, ['mod', 'download'], { cwd: moduleDir, env: { ...process.env, GOFLAGS: '' } });
  return workspace;
}

const run = (workspace: string, targets: string) =>
  runActionOnApp(go, toolCache, workspace, { targets, sbom: 'true' });

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

describe('sbom: true', () => {
  it("writes each binary's SBOM beside it, valid CycloneDX that matches go version -m, the same on a rerun", async () => {
    const host = `${go.goos}/${go.goarch}`;
    const workspace = await helloWorkspace();
    const result = await run(workspace, `${host} darwin/arm64 windows/amd64`);
    expect(result.steps[0]?.stderr).toBe('');
    expect(result.success).toBe(true);

    const report = await readJson<Report>(path.join(workspace, 'report.json'));
    expectValidReport(report);
    expect(report.targets.map((t) => t.sbom)).toEqual(report.targets.map((t) => `${t.path}.cdx.json`));
    const sbomFiles = JSON.parse(result.outputs['sbom-files'] ?? '') as string[];
    expect(sbomFiles.sort()).toEqual(report.targets.map((t) => t.sbom).sort());
    expect(report.targets.map((t) => t.sbom)).toContain('app/dist/hello_windows_amd64.exe.cdx.json');

    const first = new Map<string, string>();
    for (const target of report.targets) {
      const text = await readFile(path.join(workspace, target.sbom ?? ''), 'utf8');
      first.set(target.sbom ?? '', text);
      const bom = JSON.parse(text) as CycloneDxBom;
      expect(bom.metadata.component.hashes).toEqual([{ alg: 'SHA-256', content: target.sha256 }]);
      const byGo = await expectSbomMatchesGo(go, path.join(workspace, target.path), bom);
      // examples/hello requires three modules, each linked unreplaced with its go.sum hash.
      expect(byGo.deps.map((d) => d.path)).toEqual([
        'github.com/google/uuid',
        'github.com/spf13/pflag',
        'golang.org/x/text',
      ]);
      expect(byGo.deps.every((d) => d.sum?.startsWith('h1:'))).toBe(true);
      const goSum = await readFile(path.join(workspace, 'app/go.sum'), 'utf8');
      for (const dep of byGo.deps) expect(goSum).toContain(`${dep.path} ${dep.version} ${dep.sum}\n`);
    }
    expect(result.summary).toContain('### SBOMs (CycloneDX 1.5');
    expect(result.summary).toContain('`app/dist/hello_darwin_arm64.cdx.json` | 3 |');

    // The same commit built again: the same binaries, so byte for byte the same SBOMs (serial number included).
    const again = await run(workspace, `${host} darwin/arm64 windows/amd64`);
    expect(again.success).toBe(true);
    for (const [file, text] of first) expect(await readFile(path.join(workspace, file), 'utf8')).toBe(text);
  }, 300_000);

  it('gives a module replaced by another version, and one replaced by a directory, as what was linked', async () => {
    const workspace = await helloWorkspace(async (moduleDir) => {
      const goMod = await readFile(path.join(moduleDir, 'go.mod'), 'utf8');
      await writeFile(
        path.join(moduleDir, 'go.mod'),
        `${goMod}\nrequire example.com/Greet v0.0.0\n\n` +
          'replace github.com/spf13/pflag => github.com/spf13/pflag v1.0.5\n\n' +
          'replace example.com/Greet => ./greet\n',
      );
      await mkdir(path.join(moduleDir, 'greet'));
      await writeFile(path.join(moduleDir, 'greet/go.mod'), 'module example.com/Greet\n\ngo 1.22\n');
      await writeFile(path.join(moduleDir, 'greet/greet.go'), 'package greet\n\nconst Word = "hello"\n');
      await writeFile(path.join(moduleDir, 'greet.go'), 'package main\n\nimport _ "example.com/Greet"\n');
      execFileSync(go.goBinary, ['mod', 'tidy'], { cwd: moduleDir, env: { ...process.env, GOFLAGS: '' } });
    });
    const result = await run(workspace, `${go.goos}/${go.goarch}`);
    expect(result.steps[0]?.stderr).toBe('');
    expect(result.success).toBe(true);

    const [target] = (await readJson<Report>(path.join(workspace, 'report.json'))).targets;
    const bom = await readJson<CycloneDxBom>(path.join(workspace, target?.sbom ?? ''));
    const byGo = await expectSbomMatchesGo(go, path.join(workspace, target?.path ?? ''), bom);
    expect(
      byGo.deps.filter((d) => d.replace).map((d) => [d.path, d.replace?.path, d.replace?.version]),
    ).toEqual([
      ['example.com/Greet', './greet', '(devel)'],
      ['github.com/spf13/pflag', 'github.com/spf13/pflag', 'v1.0.5'],
    ]);
    const pflag = bom.components.find((c) => c.name === 'github.com/spf13/pflag');
    expect(pflag).toMatchObject({ version: 'v1.0.5', purl: 'pkg:golang/github.com/spf13/pflag@v1.0.5' });
    const greet = bom.components.find((c) => c.name === 'example.com/Greet');
    expect(greet?.properties).toEqual([{ name: 'setup-go-arm64:module:replacement-dir', value: './greet' }]);
    expect(greet?.pedigree?.ancestors[0]?.purl).toBe('pkg:golang/example.com/Greet@v0.0.0');
  }, 300_000);
});
