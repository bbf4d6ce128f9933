import path from 'node:path';
import { checkLdflags } from './build/ldflags.js';
import { parseCompilerMap, type CompilerMap } from './build/cgo.js';
import { planBuilds } from './build/plan.js';
import { parseTargets, type Target } from './build/targets.js';
import { checkUniversalTargets } from './build/universal.js';
import { parseCacheSave, validateKeyPrefix, type CacheSaveMode } from './cache/keys.js';
import { InputError } from './errors.js';
import { parseGoproxy } from './toolchain/goproxy.js';

/** Everything the action was asked to do, validated. Built from inputs only; no I/O. */
export interface Config {
  goVersion: string;
  /** Absolute, or empty when not given. */
  goVersionFile: string;
  /** Absolute. */
  workingDirectory: string;
  architecture: string;
  checkLatest: boolean;
  toolchainSource: ToolchainSource;
  goDownloadBaseUrl: string;
  goproxy: string;
  /** A go.sum-style line pinning the toolchain module's h1: hash, or empty. */
  toolchainSum: string;
  /** `off` only on air-gapped runners: toolchain-sum is then the one source of trust. */
  checksumDatabase: ChecksumDatabase;
  verify: boolean;
  gotoolchain: string;
  targets: Target[];
  packages: string[];
  ldflags: string;
  trimpath: boolean;
  cgo: boolean;
  /** C / C++ compiler per target name for cgo builds (inputs cgo-cc, cgo-cxx). */
  cgoCc: CompilerMap;
  cgoCxx: CompilerMap;
  buildTags: string[];
  buildFlags: string[];
  /** Absolute. */
  outputDir: string;
  nameTemplate: string;
  parallel: number;
  failFast: boolean;
  /** Also write a universal Mach-O of each package's darwin/arm64 and darwin/amd64 builds. */
  universalDarwin: boolean;
  /** Measure which Go packages take each binary's bytes (a second, unstripped link per target). */
  attribution: boolean;
  /** Write a CycloneDX SBOM beside each binary, from its embedded build info. */
  sbom: boolean;
  /** Absolute, or empty for the default under RUNNER_TEMP. */
  reportFile: string;
  /** Glob patterns of Reports to merge instead of building (the reusable workflow's last job), or empty. */
  mergeReports: string;
  cache: boolean;
  cacheBuild: boolean;
  /** When the post step saves: after a miss or partial hit (auto), whenever the contents changed (always), or never. */
  cacheSave: CacheSaveMode;
  cacheDependencyPath: string;
  cacheKeyPrefix: string;
}

/** Where toolchains come from: go.dev's release archives, GOPROXY's toolchain modules, or go.dev then GOPROXY. */
export type ToolchainSource = 'auto' | 'go.dev' | 'goproxy';

function parseToolchainSource(value: string): ToolchainSource {
  const normalized = value.trim().toLowerCase() || 'auto';
  if (normalized === 'auto' || normalized === 'go.dev' || normalized === 'goproxy') return normalized;
  throw new InputError(
    'toolchain-source',
    `Input toolchain-source is ${JSON.stringify(value)}`,
    'use auto (go.dev, then GOPROXY), go.dev or goproxy',
  );
}

export type ChecksumDatabase = 'sum.golang.org' | 'off';

function parseChecksumDatabase(value: string): ChecksumDatabase {
  const normalized = value.trim() || 'sum.golang.org';
  if (normalized === 'sum.golang.org' || normalized === 'off') return normalized;
  throw new InputError(
    'checksum-database',
    `Input checksum-database is ${JSON.stringify(value)}`,
    'use sum.golang.org (the default, reached through each GOPROXY entry first, as go does), or off on a runner ' +
      'that cannot reach it, with toolchain-sum pinning the hash',
  );
}

function parseBaseUrl(value: string, inputName: string, fallback: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return fallback;
  if (!/^https?:\/\/[^\s/]+/.test(trimmed)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not an http(s) URL`,
      `use a go.dev-compatible mirror such as ${fallback}`,
    );
  }
  // Over plain http anyone on the path could swap the archive, the index and the answer to any question about
  // them; only a server on this machine is exempt.
  const host = new URL(trimmed).hostname;
  if (trimmed.startsWith('http://') && !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, a plain http:// URL; refusing to download a toolchain over it`,
      `use the mirror's https:// URL, such as ${fallback}`,
    );
  }
  return trimmed;
}

export interface RunnerContext {
  workspace: string;
  cores: number;
}

export function parseBoolean(value: string, inputName: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true') return true;
  if (normalized === 'false') return false;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}, not a boolean`,
    'use true or false',
  );
}

export function parsePositiveInteger(value: string, inputName: string, fallback: number): number {
  const trimmed = value.trim();
  if (trimmed === '') return fallback;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not a positive whole number`,
      `use e.g. 2, or leave it empty for the number of cores (${fallback})`,
    );
  }
  return Number(trimmed);
}

/** Words separated by whitespace, commas or newlines (lists users write in YAML either way). */
export function parseList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/**
 * Splits a flag string into words the way a POSIX shell would (quotes and backslashes), without ever running
 * a shell: `$(…)`, backticks and `;` stay literal characters of a word.
 */
export function splitShellWords(value: string, inputName: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && i + 1 < value.length && '"\\$`'.includes(value[i + 1] as string))
        current += value[++i];
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < value.length) {
      current += value[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) {
    throw new InputError(
      inputName,
      `Input ${inputName} has an unclosed ${quote} quote`,
      `close it, e.g. -gcflags='all=-N -l'`,
    );
  }
  if (inWord) words.push(current);
  return words;
}

/** GOTOOLCHAIN as go accepts it: local, auto, path, or local/a toolchain name, optionally with +auto or +path. */
function parseGotoolchain(value: string): string {
  const trimmed = value.trim() || 'local';
  if (/^(auto|path|(local|go\d+(\.\d+){0,2}((rc|beta)\d+)?(-[^\s+]+)?)(\+(auto|path))?)$/.test(trimmed))
    return trimmed;
  throw new InputError(
    'gotoolchain',
    `Input gotoolchain is ${JSON.stringify(value)}, which go refuses as GOTOOLCHAIN`,
    'use local (the default: never switch toolchains), auto, or a toolchain such as go1.25.4 or go1.25.4+auto',
  );
}

/** Build tags: go matches only letters, digits, `_` and `.` in //go:build lines, so any other tag never applies. */
function parseBuildTags(value: string): string[] {
  const tags = parseList(value);
  const bad = tags.filter((tag) => !/^[\p{L}\p{N}_.]+$/u.test(tag));
  if (bad.length > 0) {
    throw new InputError(
      'build-tags',
      `Input build-tags holds ${bad.map((tag) => JSON.stringify(tag)).join(', ')}, which no //go:build line can name`,
      'use tags made of letters, digits, _ and ., separated by spaces or commas, e.g. netgo,osusergo',
    );
  }
  return tags;
}

/** build-flags, split; `-o` is the action's own (each binary's path comes from output-dir and name-template). */
function parseBuildFlags(value: string): string[] {
  const flags = splitShellWords(value, 'build-flags');
  const output = flags.find((flag) => /^--?o(=|$)/.test(flag));
  if (output !== undefined) {
    throw new InputError(
      'build-flags',
      `Input build-flags sets ${JSON.stringify(output)}, but the action names each binary itself`,
      'choose where binaries go with output-dir and name-template, e.g. name-template: {name}_{goos}_{goarch}{ext}',
    );
  }
  return flags;
}

/** sbom: SBOMs are read from the binaries this job builds, so with no targets there is nothing to describe. */
function parseSbom(value: string, targets: Target[]): boolean {
  const sbom = parseBoolean(value || 'false', 'sbom');
  if (sbom && targets.length === 0) {
    throw new InputError(
      'sbom',
      'Input sbom is true but targets is empty, so no binary is built to describe',
      'set targets, or set sbom in the jobs that build (each writes the SBOMs of its own binaries)',
    );
  }
  return sbom;
}

/** Reads and validates every input. `input` returns the raw value (empty string when unset). */
export function readConfig(input: (name: string) => string, runner: RunnerContext): Config {
  // Paths in inputs are relative to the workspace, as in actions/setup-go, and stay inside it lexically here;
  // symlinks in output-dir, report-file and version files are checked where those are opened. Packages are
  // relative to the module.
  const inWorkspace = (value: string, inputName: string) => {
    const resolved = path.resolve(runner.workspace, value);
    const relative = path.relative(runner.workspace, resolved);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new InputError(
        inputName,
        `Input ${inputName} is ${JSON.stringify(value)}, which is outside the workspace`,
        'give a path relative to the workspace, without .. climbing out of it, e.g. dist or app/go.mod',
      );
    }
    return resolved;
  };
  const workingDirectory = inWorkspace(input('working-directory') || '.', 'working-directory');
  const packages = parseList(input('packages') || '.');
  if (packages.length === 0) {
    throw new InputError(
      'packages',
      `Input packages is ${JSON.stringify(input('packages'))}, which names no package`,
      'list main packages relative to working-directory, e.g. . or ./cmd/tool',
    );
  }
  const goproxy = input('goproxy').trim() || 'https://proxy.golang.org,direct';
  parseGoproxy(goproxy);
  const targets = parseTargets(input('targets'));
  const ldflags = input('ldflags');
  checkLdflags(ldflags);
  const trimpath = parseBoolean(input('trimpath') || 'true', 'trimpath');
  const cgo = parseBoolean(input('cgo') || 'false', 'cgo');
  const cgoCc = parseCompilerMap(input('cgo-cc'), 'cgo-cc', targets);
  const cgoCxx = parseCompilerMap(input('cgo-cxx'), 'cgo-cxx', targets);
  const buildTags = parseBuildTags(input('build-tags'));
  const buildFlags = parseBuildFlags(input('build-flags'));
  const outputDir = input('output-dir').trim()
    ? inWorkspace(input('output-dir').trim(), 'output-dir')
    : path.join(workingDirectory, 'dist');
  const nameTemplate = input('name-template') || '{name}_{goos}_{goarch}{ext}';
  const universalDarwin = parseBoolean(input('universal-darwin') || 'false', 'universal-darwin');
  if (universalDarwin) checkUniversalTargets(targets);
  // Planned now, so a package read as a flag, an unknown placeholder or two builds writing one file fail
  // before anything is downloaded; the builds are planned again once ldflags are stamped.
  planBuilds({
    workingDirectory,
    packages,
    targets,
    ldflags,
    trimpath,
    cgo,
    tags: buildTags,
    extraFlags: buildFlags,
    outputDir,
    nameTemplate,
  });
  return {
    goVersion: input('go-version').trim(),
    goVersionFile: input('go-version-file').trim()
      ? inWorkspace(input('go-version-file').trim(), 'go-version-file')
      : '',
    workingDirectory,
    architecture: input('architecture').trim() || 'auto',
    checkLatest: parseBoolean(input('check-latest') || 'false', 'check-latest'),
    toolchainSource: parseToolchainSource(input('toolchain-source')),
    goDownloadBaseUrl: parseBaseUrl(
      input('go-download-base-url'),
      'go-download-base-url',
      'https://go.dev/dl',
    ),
    goproxy,
    toolchainSum: input('toolchain-sum').trim(),
    checksumDatabase: parseChecksumDatabase(input('checksum-database')),
    verify: parseBoolean(input('verify') || 'true', 'verify'),
    gotoolchain: parseGotoolchain(input('gotoolchain')),
    targets,
    packages,
    ldflags,
    trimpath,
    cgo,
    cgoCc,
    cgoCxx,
    buildTags,
    buildFlags,
    outputDir,
    nameTemplate,
    parallel: parsePositiveInteger(input('parallel'), 'parallel', runner.cores),
    failFast: parseBoolean(input('fail-fast') || 'false', 'fail-fast'),
    universalDarwin,
    attribution: parseBoolean(input('attribution') || 'false', 'attribution'),
    sbom: parseSbom(input('sbom'), targets),
    reportFile: input('report-file').trim() ? inWorkspace(input('report-file').trim(), 'report-file') : '',
    mergeReports: input('merge-reports').trim(),
    cache: parseBoolean(input('cache') || 'true', 'cache'),
    cacheBuild: parseBoolean(input('cache-build') || 'true', 'cache-build'),
    cacheSave: parseCacheSave(input('cache-save')),
    cacheDependencyPath: input('cache-dependency-path'),
    cacheKeyPrefix: validateKeyPrefix(input('cache-key-prefix')),
  };
}
