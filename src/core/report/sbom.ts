// A CycloneDX SBOM of one Go binary, from the build info Go embeds in it: what was linked, not what go.mod asks for.
import { createHash } from 'node:crypto';
import type { GoBuildInfo, GoModule } from '../binary/buildinfo.js';
import { targetName, type Target } from '../build/targets.js';
import { cell, code } from './format.js';
import { goModulePurl } from './purl.js';

export const SBOM_SPEC_VERSION = '1.5';

/** Every property this action adds is named under this prefix, as CycloneDX asks of names it does not register. */
const PROPERTY_PREFIX = 'setup-go-arm64';

/**
 * Changes whenever the layout below changes, so that a later version describing the same file differently also
 * gets another serial number instead of reusing this one.
 */
const SBOM_LAYOUT = 'setup-go-arm64 go-binary-sbom 1';

/** The UUID namespace of this action's serial numbers (a constant picked once at random). */
const SERIAL_NAMESPACE = Buffer.from('5c0e6a1e9b7d4f2a8e3c1b6d7a9f0e42', 'hex');

export interface CycloneDxProperty {
  name: string;
  value: string;
}

export interface CycloneDxHash {
  alg: 'SHA-256';
  content: string;
}

export interface CycloneDxComponent {
  'bom-ref'?: string;
  type: 'application' | 'library';
  name: string;
  version?: string;
  description?: string;
  hashes?: CycloneDxHash[];
  cpe?: string;
  purl?: string;
  pedigree?: { ancestors: CycloneDxComponent[] };
  properties?: CycloneDxProperty[];
}

/** The subset of a CycloneDX 1.5 JSON BOM this action writes. */
export interface CycloneDxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: typeof SBOM_SPEC_VERSION;
  serialNumber: string;
  version: 1;
  metadata: {
    tools: { components: CycloneDxComponent[] };
    component: CycloneDxComponent;
  };
  components: CycloneDxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

export interface GoBinarySbomInput {
  buildInfo: GoBuildInfo;
  /** The file's name, e.g. `hello_linux_arm64`. */
  binaryName: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** The target the action built it for (the build info's GOOS/GOARCH were checked against it). */
  target: Target;
}

/**
 * The SBOM of one binary. The same input gives the same bytes: there is no timestamp, and the serial number is
 * a name-based UUID (version 5) of the file's SHA-256 and name, so a rerun of a reproducible build reproduces
 * its SBOM too. (CycloneDX suggests a new serial per generation; a BOM that is a function of the file is worth
 * more here, since anyone can regenerate and compare it.)
 */
export function goBinarySbom(input: GoBinarySbomInput): CycloneDxBom {
  const { buildInfo, binaryName, sha256 } = input;
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256 in hex: ${JSON.stringify(sha256)}`);
  const application: CycloneDxComponent = {
    'bom-ref': `file:${binaryName}`,
    type: 'application',
    name: binaryName,
    ...(buildInfo.main ? { version: buildInfo.main.version } : {}),
    hashes: [{ alg: 'SHA-256', content: sha256 }],
    ...optional('purl', buildInfo.main && mainPackagePurl(buildInfo.main, buildInfo.path)),
    properties: [
      property('target', targetName(input.target)),
      property('go:version', buildInfo.goVersion),
      ...(buildInfo.path ? [property('go:package', buildInfo.path)] : []),
      ...sumProperties(buildInfo.main),
      ...Object.entries(buildInfo.settings).map(([key, value]) => property(`build:${key}`, value)),
    ],
  };
  const components = [...buildInfo.deps.map(moduleComponent), standardLibrary(buildInfo.goVersion)];
  return {
    $schema: `http://cyclonedx.org/schema/bom-${SBOM_SPEC_VERSION}.schema.json`,
    bomFormat: 'CycloneDX',
    specVersion: SBOM_SPEC_VERSION,
    serialNumber: `urn:uuid:${nameBasedUuid(SERIAL_NAMESPACE, `${SBOM_LAYOUT}\n${sha256}\n${binaryName}`)}`,
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: 'setup-go-arm64' }] },
      component: application,
    },
    components,
    // The build info lists every module that gave the binary a package, but not who required whom: the file
    // depends on each of them, and the modules' own edges are left unknown rather than guessed.
    dependencies: [
      { ref: application['bom-ref'] as string, dependsOn: components.map((c) => c['bom-ref'] as string) },
    ],
  };
}

function property(name: string, value: string): CycloneDxProperty {
  return { name: `${PROPERTY_PREFIX}:${name}`, value };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * The go.sum hash (`h1:…`) as a property, not as a CycloneDX hash: h1 is the SHA-256 of Go's dirhash summary (a
 * list of each file's SHA-256 and name in the module zip), so no SHA-256 of the module's zip or of any of its
 * files ever equals it. Given as `SHA-256` it would fail anyone who checks it; as written it matches go.sum,
 * `go version -m` and the checksum database.
 */
function sumProperties(module: GoModule | undefined): CycloneDxProperty[] {
  return module?.sum ? [property('module:sum', module.sum)] : [];
}

/** The main module's purl, with the main package's directory in the module as the subpath (`#cmd/tool`). */
function mainPackagePurl(main: GoModule, mainPackage: string | undefined): string | undefined {
  const subpath = mainPackage?.startsWith(`${main.path}/`)
    ? mainPackage.slice(main.path.length + 1)
    : undefined;
  return goModulePurl(main.path, main.version, subpath);
}

/** A replacement that is a directory (cmd/go's modfile.IsDirectoryPath), not another module. */
function isDirectoryPath(replacement: string): boolean {
  return /^(\.{1,2}([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(replacement);
}

/**
 * A dependency as linked. A module replaced by another module is that other module (its path, version, sum and
 * purl), with the one go.mod required as its pedigree's ancestor; one replaced by a directory keeps the required
 * path as its name, has no purl (no published module holds that code), and names the directory.
 */
function moduleComponent(module: GoModule): CycloneDxComponent {
  const required: CycloneDxComponent = {
    type: 'library',
    name: module.path,
    version: module.version,
    ...optional('purl', goModulePurl(module.path, module.version)),
  };
  const replacement = module.replace;
  if (!replacement) {
    return {
      'bom-ref': required.purl ?? `golang-module:${module.path}`,
      ...required,
      ...(module.sum ? { properties: sumProperties(module) } : {}),
    };
  }
  const pedigree = { ancestors: [required] };
  if (isDirectoryPath(replacement.path)) {
    return {
      'bom-ref': `golang-module:${module.path}=>${replacement.path}`,
      type: 'library',
      name: module.path,
      version: replacement.version,
      pedigree,
      properties: [property('module:replacement-dir', replacement.path)],
    };
  }
  const purl = goModulePurl(replacement.path, replacement.version);
  const sums = sumProperties(replacement);
  return {
    'bom-ref': purl ?? `golang-module:${module.path}=>${replacement.path}`,
    type: 'library',
    name: replacement.path,
    version: replacement.version,
    ...optional('purl', purl),
    pedigree,
    ...(sums.length > 0 ? { properties: sums } : {}),
  };
}

/**
 * The standard library and runtime, linked in from the toolchain that built the binary. It is named by NVD's CPE
 * for Go, which scanners match Go's own advisories against; no purl, since a golang purl needs a namespace and
 * `pkg:golang/stdlib` (a convention some scanners use) has none.
 */
function standardLibrary(goVersion: string): CycloneDxComponent {
  const release = /^go(\d+\.\d+(?:\.\d+)?)(?:\s|$)/.exec(goVersion)?.[1];
  return {
    'bom-ref': 'golang-stdlib',
    type: 'library',
    name: 'stdlib',
    version: release ?? goVersion,
    description: `The Go standard library and runtime of ${goVersion}`,
    ...optional('cpe', release && `cpe:2.3:a:golang:go:${release}:*:*:*:*:*:*:*`),
  };
}

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function nameBasedUuid(namespace: Uint8Array, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An SBOM this run wrote, for the job summary. */
export interface WrittenSbom {
  target: Target;
  package: string;
  /** Relative to the workspace. */
  path: string;
  /** Modules the binary links, the standard library not counted. */
  modules: number;
}

/** The job summary's list of SBOMs: one row per binary. */
export function renderSbomSection(written: WrittenSbom[]): string {
  if (written.length === 0) return '';
  return [
    `### SBOMs (CycloneDX ${SBOM_SPEC_VERSION}, from each binary's build info)`,
    '',
    '| Package | Target | SBOM | Modules |',
    '| --- | --- | --- | ---: |',
    ...written.map(
      (w) =>
        `| ${code(w.package, true)} | ${cell(targetName(w.target))} | ${code(w.path, true)} | ${w.modules} |`,
    ),
    '',
  ].join('\n');
}
