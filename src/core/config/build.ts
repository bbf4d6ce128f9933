// The inputs that say what to build and how: packages, targets, flags, where binaries go, and how builds run.
import path from 'node:path';
import { parseCompilerMap, type CompilerMap } from '../build/cgo.js';
import { checkLdflags } from '../build/ldflags.js';
import { planBuilds } from '../build/plan.js';
import { parseTargets, type Target } from '../build/targets.js';
import { checkUniversalTargets } from '../build/universal.js';
import { InputError } from '../errors.js';
import { inWorkspace, parseBoolean, parseList, parsePositiveInteger, splitShellWords } from './values.js';

export interface BuildInputs {
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
  /** Also write a universal Mach-O of each package's darwin/arm64 and darwin/amd64 builds. */
  universalDarwin: boolean;
}

export interface BuildRunInputs {
  parallel: number;
  failFast: boolean;
  /** Measure which Go packages take each binary's bytes (a second, unstripped link per target). */
  attribution: boolean;
  /** Write a CycloneDX SBOM beside each binary, from its embedded build info. */
  sbom: boolean;
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

/** Main packages, relative to the module in working-directory. */
export function readPackages(input: (name: string) => string): string[] {
  const packages = parseList(input('packages') || '.');
  if (packages.length === 0) {
    throw new InputError(
      'packages',
      `Input packages is ${JSON.stringify(input('packages'))}, which names no package`,
      'list main packages relative to working-directory, e.g. . or ./cmd/tool',
    );
  }
  return packages;
}

/**
 * targets through universal-darwin, then the builds they plan: a package read as a flag, an unknown placeholder
 * or two builds writing one file fail before anything is downloaded (the builds are planned again once ldflags
 * are stamped).
 */
export function readBuildInputs(
  input: (name: string) => string,
  where: { workspace: string; workingDirectory: string; packages: string[] },
): BuildInputs {
  const { workspace, workingDirectory, packages } = where;
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
    ? inWorkspace(workspace, input('output-dir').trim(), 'output-dir')
    : path.join(workingDirectory, 'dist');
  const nameTemplate = input('name-template') || '{name}_{goos}_{goarch}{ext}';
  const universalDarwin = parseBoolean(input('universal-darwin') || 'false', 'universal-darwin');
  if (universalDarwin) checkUniversalTargets(targets);
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
    universalDarwin,
  };
}

export function readBuildRunInputs(
  input: (name: string) => string,
  cores: number,
  targets: Target[],
): BuildRunInputs {
  return {
    parallel: parsePositiveInteger(input('parallel'), 'parallel', cores),
    failFast: parseBoolean(input('fail-fast') || 'false', 'fail-fast'),
    attribution: parseBoolean(input('attribution') || 'false', 'attribution'),
    sbom: parseSbom(input('sbom'), targets),
  };
}
