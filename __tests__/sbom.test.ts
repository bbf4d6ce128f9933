// The mapping from Go build info to a CycloneDX SBOM, on build info written by hand: purls (case, pseudo-versions,
// +incompatible, (devel)), replacements, go.sum hashes, settings; every BOM checked against the CycloneDX schema.
import { execFileSync } from 'node:child_process';
import { PackageURL } from 'packageurl-js';
import type { GoBuildInfo } from '../src/core/binary/buildinfo.js';
import { goModulePurl } from '../src/core/report/purl.js';
import {
  goBinarySbom,
  nameBasedUuid,
  renderSbomSection,
  type CycloneDxBom,
  type CycloneDxComponent,
} from '../src/core/report/sbom.js';
import { cycloneDxSchemaErrors } from '../test/support/cyclonedx-schema.js';

const SHA = 'ab'.repeat(32);

const INFO: GoBuildInfo = {
  goVersion: 'go1.25.4',
  path: 'github.com/Org/Tool/cmd/tool',
  main: { path: 'github.com/Org/Tool', version: '(devel)' },
  deps: [
    {
      path: 'github.com/BurntSushi/toml',
      version: 'v1.3.2',
      sum: 'h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8=',
    },
    {
      path: 'github.com/Azure/go-autorest/autorest/adal',
      version: 'v0.0.0-20240229124510-4f1c0c2a9d6e',
      sum: 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    },
    {
      path: 'github.com/docker/docker',
      version: 'v20.10.7+incompatible',
      sum: 'h1:Z6O9Nhsjv+ayUEeI1IojKbYcsGdgYSNqxe1s2MYzUhQ=',
    },
    {
      path: 'github.com/spf13/pflag',
      version: 'v1.0.6',
      replace: {
        path: 'github.com/Fork/pflag',
        version: 'v1.0.5',
        sum: 'h1:iy+VFUOCP1a+8yFto/drg2CJ5u0yRoB7fZw3DKv/JXA=',
      },
    },
    { path: 'example.com/Greet', version: 'v0.0.0', replace: { path: '../greet', version: '(devel)' } },
  ],
  settings: {
    '-buildmode': 'exe',
    '-ldflags': '-s -w -X "main.greeting=héllo world"',
    '-trimpath': 'true',
    CGO_ENABLED: '0',
    GOARCH: 'arm64',
    GOOS: 'darwin',
  },
};

function bomOf(info: GoBuildInfo = INFO, sha256 = SHA): CycloneDxBom {
  return goBinarySbom({
    buildInfo: info,
    binaryName: 'tool_darwin_arm64',
    sha256,
    target: { goos: 'darwin', goarch: 'arm64' },
  });
}

function componentNamed(bom: CycloneDxBom, name: string): CycloneDxComponent {
  const found = bom.components.find((c) => c.name === name);
  if (!found) throw new Error(`no component ${name} in ${bom.components.map((c) => c.name).join(', ')}`);
  return found;
}

/** What the reference implementation reads back from a purl: the module path and version it names. */
function parsedPurl(purl: string | undefined): { modulePath: string; version?: string; subpath?: string } {
  const parsed = PackageURL.fromString(purl ?? '');
  expect(parsed.type).toBe('golang');
  return {
    modulePath: `${parsed.namespace}/${parsed.name}`,
    ...(parsed.version ? { version: parsed.version } : {}),
    ...(parsed.subpath ? { subpath: parsed.subpath } : {}),
  };
}

describe('goModulePurl', () => {
  it.each([
    ['github.com/BurntSushi/toml', 'v1.3.2', 'pkg:golang/github.com/BurntSushi/toml@v1.3.2'],
    ['golang.org/x/text', 'v0.30.0', 'pkg:golang/golang.org/x/text@v0.30.0'],
    ['gopkg.in/yaml.v3', 'v3.0.1', 'pkg:golang/gopkg.in/yaml.v3@v3.0.1'],
    [
      'github.com/docker/docker',
      'v20.10.7+incompatible',
      'pkg:golang/github.com/docker/docker@v20.10.7%2Bincompatible',
    ],
    [
      'example.com/m',
      'v0.0.0-20240229124510-4f1c0c2a9d6e+dirty',
      'pkg:golang/example.com/m@v0.0.0-20240229124510-4f1c0c2a9d6e%2Bdirty',
    ],
    ['example.com/m', '(devel)', 'pkg:golang/example.com/m'],
  ])('%s %s is %s, and reads back as the module path and version', (modulePath, version, expected) => {
    const purl = goModulePurl(modulePath, version);
    expect(purl).toBe(expected);
    expect(parsedPurl(purl)).toEqual({
      modulePath,
      ...(version === '(devel)' ? {} : { version }),
    });
  });

  it('keeps the case of every path element: BurntSushi and burntsushi are two modules to Go', () => {
    expect(goModulePurl('github.com/BurntSushi/toml', 'v1.0.0')).not.toBe(
      goModulePurl('github.com/burntsushi/toml', 'v1.0.0'),
    );
    expect(parsedPurl(goModulePurl('github.com/Azure/go-autorest/autorest/adal', 'v0.9.0'))).toEqual({
      modulePath: 'github.com/Azure/go-autorest/autorest/adal',
      version: 'v0.9.0',
    });
  });

  it('gives none for a path of one element (a golang purl needs a namespace) or with an empty element', () => {
    expect(goModulePurl('hello', '(devel)')).toBeUndefined();
    expect(goModulePurl('example.com//x', 'v1.0.0')).toBeUndefined();
  });
});

describe('goBinarySbom', () => {
  it('is a valid CycloneDX 1.5 BOM', async () => {
    expect(await cycloneDxSchemaErrors(bomOf())).toEqual([]);
  });

  it('describes the binary: its SHA-256, the main module and package as a purl, the target, Go and every build setting', () => {
    const app = bomOf().metadata.component;
    expect(app).toMatchObject({ type: 'application', name: 'tool_darwin_arm64', version: '(devel)' });
    expect(app.hashes).toEqual([{ alg: 'SHA-256', content: SHA }]);
    // (devel) is no version, so the purl has none; the main package's directory is the subpath.
    expect(app.purl).toBe('pkg:golang/github.com/Org/Tool#cmd/tool');
    expect(parsedPurl(app.purl)).toEqual({ modulePath: 'github.com/Org/Tool', subpath: 'cmd/tool' });
    expect(app.properties).toEqual([
      { name: 'setup-go-arm64:target', value: 'darwin/arm64' },
      { name: 'setup-go-arm64:go:version', value: 'go1.25.4' },
      { name: 'setup-go-arm64:go:package', value: 'github.com/Org/Tool/cmd/tool' },
      { name: 'setup-go-arm64:build:-buildmode', value: 'exe' },
      { name: 'setup-go-arm64:build:-ldflags', value: '-s -w -X "main.greeting=héllo world"' },
      { name: 'setup-go-arm64:build:-trimpath', value: 'true' },
      { name: 'setup-go-arm64:build:CGO_ENABLED', value: '0' },
      { name: 'setup-go-arm64:build:GOARCH', value: 'arm64' },
      { name: 'setup-go-arm64:build:GOOS', value: 'darwin' },
    ]);
  });

  it('lists each module with its version, purl and go.sum hash (as a property: h1 is no SHA-256 of a file)', () => {
    const bom = bomOf();
    const toml = componentNamed(bom, 'github.com/BurntSushi/toml');
    expect(toml).toEqual({
      'bom-ref': 'pkg:golang/github.com/BurntSushi/toml@v1.3.2',
      type: 'library',
      name: 'github.com/BurntSushi/toml',
      version: 'v1.3.2',
      purl: 'pkg:golang/github.com/BurntSushi/toml@v1.3.2',
      properties: [{ name: 'setup-go-arm64:module:sum', value: INFO.deps[0]?.sum }],
    });
    const pseudo = componentNamed(bom, 'github.com/Azure/go-autorest/autorest/adal');
    expect(pseudo.version).toBe('v0.0.0-20240229124510-4f1c0c2a9d6e');
    expect(parsedPurl(pseudo.purl).version).toBe('v0.0.0-20240229124510-4f1c0c2a9d6e');
    expect(parsedPurl(componentNamed(bom, 'github.com/docker/docker').purl).version).toBe(
      'v20.10.7+incompatible',
    );
    expect(bom.components.flatMap((c) => c.hashes ?? [])).toEqual([]);
  });

  it.each([
    [
      'another module as that module, with the required one as its ancestor',
      {
        'bom-ref': 'pkg:golang/github.com/Fork/pflag@v1.0.5',
        type: 'library',
        name: 'github.com/Fork/pflag',
        version: 'v1.0.5',
        purl: 'pkg:golang/github.com/Fork/pflag@v1.0.5',
        pedigree: {
          ancestors: [
            {
              type: 'library',
              name: 'github.com/spf13/pflag',
              version: 'v1.0.6',
              purl: 'pkg:golang/github.com/spf13/pflag@v1.0.6',
            },
          ],
        },
        properties: [{ name: 'setup-go-arm64:module:sum', value: INFO.deps[3]?.replace?.sum }],
      },
    ],
    [
      'a directory under its own path, without a purl, naming the directory',
      {
        'bom-ref': 'golang-module:example.com/Greet=>../greet',
        type: 'library',
        name: 'example.com/Greet',
        version: '(devel)',
        pedigree: {
          ancestors: [
            {
              type: 'library',
              name: 'example.com/Greet',
              version: 'v0.0.0',
              purl: 'pkg:golang/example.com/Greet@v0.0.0',
            },
          ],
        },
        properties: [{ name: 'setup-go-arm64:module:replacement-dir', value: '../greet' }],
      },
    ],
  ])('gives a module replaced by %s', (_replacedBy, component) => {
    expect(componentNamed(bomOf(), component.name)).toEqual(component);
  });

  it('names the standard library by its CPE, and says the binary depends on every component', () => {
    const bom = bomOf();
    expect(componentNamed(bom, 'stdlib')).toMatchObject({
      version: '1.25.4',
      cpe: 'cpe:2.3:a:golang:go:1.25.4:*:*:*:*:*:*:*',
    });
    expect(bom.components).toHaveLength(INFO.deps.length + 1);
    expect(bom.dependencies).toEqual([
      { ref: 'file:tool_darwin_arm64', dependsOn: bom.components.map((c) => c['bom-ref']) },
    ]);
    const refs = [bom.metadata.component, ...bom.components].map((c) => c['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);

    const devel = bomOf({ ...INFO, goVersion: 'devel go1.27-4f1c0c2a9d Tue Dec 1 10:00:00 2026 +0000' });
    expect(componentNamed(devel, 'stdlib').cpe).toBeUndefined();
    expect(componentNamed(devel, 'stdlib').version).toBe(
      'devel go1.27-4f1c0c2a9d Tue Dec 1 10:00:00 2026 +0000',
    );
    expect(componentNamed(bomOf({ ...INFO, goVersion: 'go1.24.1 X:boringcrypto' }), 'stdlib').cpe).toBe(
      'cpe:2.3:a:golang:go:1.24.1:*:*:*:*:*:*:*',
    );
  });

  it('handles a main module of one path element and a binary built outside module mode', async () => {
    const single = bomOf({ ...INFO, path: 'hello', main: { path: 'hello', version: '(devel)' }, deps: [] });
    expect(single.metadata.component.purl).toBeUndefined();
    const noModule = bomOf({ goVersion: 'go1.25.4', path: 'command-line-arguments', deps: [], settings: {} });
    expect(noModule.metadata.component.purl).toBeUndefined();
    expect(noModule.metadata.component.version).toBeUndefined();
    expect(await cycloneDxSchemaErrors(single)).toEqual([]);
    expect(await cycloneDxSchemaErrors(noModule)).toEqual([]);
  });

  it('is the same text for the same binary, and its serial number follows the SHA-256', () => {
    expect(JSON.stringify(bomOf())).toBe(JSON.stringify(bomOf()));
    const other = bomOf(INFO, 'cd'.repeat(32));
    expect(other.serialNumber).not.toBe(bomOf().serialNumber);
    expect(bomOf().serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.stringify(bomOf())).not.toMatch(/timestamp/);
    expect(() => bomOf(INFO, 'AB'.repeat(32))).toThrow(/Not a SHA-256 in hex/);
  });
});

describe('nameBasedUuid', () => {
  it("is RFC 4122's version 5, as Python's uuid.uuid5 computes it", () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    const names = ['python.org', `layout 1\n${SHA}\ntool_darwin_arm64`, 'héllo'];
    const python = execFileSync(
      'python3',
      [
        '-c',
        'import sys, uuid; [print(uuid.uuid5(uuid.UUID(sys.argv[1]), n)) for n in sys.argv[2:]]',
        dns,
        ...names,
      ],
      { encoding: 'utf8' },
    );
    const namespace = Buffer.from(dns.replaceAll('-', ''), 'hex');
    expect(names.map((name) => nameBasedUuid(namespace, name))).toEqual(python.trim().split('\n'));
  });
});

describe('renderSbomSection', () => {
  it('lists each SBOM with its target and module count, escaping what it quotes', () => {
    const section = renderSbomSection([
      {
        target: { goos: 'linux', goarch: 'arm', variant: '7' },
        package: './cmd/a|b',
        path: 'dist/a`b.cdx.json',
        modules: 3,
      },
    ]);
    expect(section).toContain('| `./cmd/a\\|b` | linux/arm/7 | ``dist/a`b.cdx.json`` | 3 |');
    expect(renderSbomSection([])).toBe('');
  });
});
