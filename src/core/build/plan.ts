import path from 'node:path';
import { InputError } from '../errors.js';
import { compilerFor, type CompilerMap } from './cgo.js';
import { targetEnv, targetName, type Target } from './targets.js';

export interface BuildConfig {
  /** Absolute directory the builds run in (the module's directory). */
  workingDirectory: string;
  /** Main packages as given, relative to workingDirectory (`.`, `./cmd/tool`). */
  packages: string[];
  targets: Target[];
  /** Already templated ({version}, {commit}, {date} replaced). */
  ldflags: string;
  trimpath: boolean;
  cgo: boolean;
  /** C and C++ compilers per target name, for cgo builds (CC and CXX). */
  cc?: CompilerMap;
  cxx?: CompilerMap;
  tags: string[];
  /** Extra `go build` flags, already split into words. */
  extraFlags: string[];
  /** Absolute directory the binaries go to. */
  outputDir: string;
  /** e.g. `{name}_{goos}_{goarch}{ext}`. */
  nameTemplate: string;
  /** `{name}` per package as go would name the executable (from its import path); else from the directory. */
  binaryNames?: Record<string, string>;
}

/** One `go build` invocation: what to run, with which environment, writing which file. */
export interface BuildJob {
  package: string;
  target: Target;
  /** Arguments after `go`. */
  args: string[];
  /** Variables set on top of the step's environment. */
  env: Record<string, string>;
  output: string;
  /** `./cmd/tool linux/arm/6`: how logs name the job. */
  label: string;
}

/**
 * The binary's base name for a package: what go would name it when known, else its last path element, or the
 * module directory's name for `.`.
 */
export function packageBinaryName(
  pkg: string,
  workingDirectory: string,
  known?: Record<string, string>,
): string {
  const fromImportPath = known?.[pkg];
  if (fromImportPath) return fromImportPath;
  const trimmed = pkg.replace(/\/\.\.\.$/, '').replace(/\/+$/, '');
  return trimmed === '.' || trimmed === '' ? path.basename(workingDirectory) : path.posix.basename(trimmed);
}

/** The placeholders a name template may use. */
export const NAME_PLACEHOLDERS = ['name', 'goos', 'goarch', 'variant', 'ext'] as const;

/** Fills `{name}`, `{goos}`… in a name template; an unknown placeholder is an error naming it. */
export function renderName(
  template: string,
  values: Record<(typeof NAME_PLACEHOLDERS)[number], string>,
  inputName = 'name-template',
): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    if (!(NAME_PLACEHOLDERS as readonly string[]).includes(key)) {
      throw new InputError(
        inputName,
        `Input ${inputName} uses {${key}}, which is not a placeholder`,
        `use ${NAME_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}, e.g. {name}_{goos}_{goarch}{ext}`,
      );
    }
    return values[key as (typeof NAME_PLACEHOLDERS)[number]];
  });
}

/** `{ext}`: `.exe` for Windows, `.wasm` for WebAssembly (js/wasm, wasip1/wasm), else nothing. */
function executableExtension(target: Target): string {
  if (target.goos === 'windows') return '.exe';
  return target.goarch === 'wasm' ? '.wasm' : '';
}

/**
 * The file a package's build for `target` writes: the name template filled in, inside output-dir (a variant the
 * template does not name is appended, so it never takes the plain target's name).
 */
export function outputPath(
  config: Pick<BuildConfig, 'outputDir' | 'nameTemplate'>,
  pkg: string,
  name: string,
  target: Target,
): string {
  const fileName = renderName(config.nameTemplate, {
    name,
    goos: target.goos,
    goarch: target.goarch,
    variant: target.variant ?? '',
    ext: executableExtension(target),
  });
  const output = path.resolve(
    config.outputDir,
    target.variant && !config.nameTemplate.includes('{variant}')
      ? fileName.replace(/(\.exe|\.wasm)?$/, `_${target.variant}$1`)
      : fileName,
  );
  const inOutputDir = path.relative(config.outputDir, output);
  if (
    fileName.trim() === '' ||
    inOutputDir === '' ||
    inOutputDir.startsWith('..') ||
    path.isAbsolute(inOutputDir)
  ) {
    throw new InputError(
      'name-template',
      `Input name-template ${JSON.stringify(config.nameTemplate)} gives ${JSON.stringify(fileName)} for ${pkg} ${targetName(target)}, which is not a file inside output-dir`,
      'name a file, optionally in a subdirectory, e.g. {name}_{goos}_{goarch}{ext} or {goos}_{goarch}/{name}{ext}',
    );
  }
  return output;
}

/** One job per (package, target), in a stable order; two jobs writing one file is an error naming both. */
export function planBuilds(config: BuildConfig): BuildJob[] {
  const jobs: BuildJob[] = [];
  const writers = new Map<string, BuildJob>();
  for (const pkg of config.packages) {
    if (pkg.startsWith('-')) {
      throw new InputError(
        'packages',
        `Input packages holds ${JSON.stringify(pkg)}, which go would read as a flag`,
        'put flags in build-flags and list package directories in packages, e.g. ./cmd/tool',
      );
    }
    const name = packageBinaryName(pkg, config.workingDirectory, config.binaryNames);
    for (const target of config.targets) {
      const output = outputPath(config, pkg, name, target);
      const args = ['build', '-o', output];
      if (config.trimpath) args.push('-trimpath');
      // VCS stamping makes bytes depend on the checkout's state and fails where git refuses the directory
      // (safe.directory); the commit is recorded in the Report and available to -X as {commit}.
      args.push('-buildvcs=false');
      if (config.ldflags) args.push(`-ldflags=${config.ldflags}`);
      if (config.tags.length > 0) args.push(`-tags=${config.tags.join(',')}`);
      args.push(...config.extraFlags, pkg);
      const job: BuildJob = {
        package: pkg,
        target,
        args,
        env: { ...targetEnv(target), CGO_ENABLED: config.cgo ? '1' : '0', ...cgoCompilers(config, target) },
        output,
        label: `${pkg} ${targetName(target)}`,
      };
      const earlier = writers.get(output);
      if (earlier) throw collision(earlier, job, config);
      writers.set(output, job);
      jobs.push(job);
    }
  }
  return jobs;
}

/** CC and CXX for a target's cgo build, where cgo-cc / cgo-cxx name them. */
function cgoCompilers(config: BuildConfig, target: Target): Record<string, string> {
  if (!config.cgo) return {};
  const cc = config.cc && compilerFor(config.cc, target);
  const cxx = config.cxx && compilerFor(config.cxx, target);
  return { ...(cc ? { CC: cc } : {}), ...(cxx ? { CXX: cxx } : {}) };
}

function collision(earlier: BuildJob, later: BuildJob, config: BuildConfig): InputError {
  const file = path.relative(config.outputDir, later.output);
  const problem = `Builds of ${earlier.label} and ${later.label} would both write ${file} in output-dir`;
  if (earlier.package !== later.package && config.nameTemplate.includes('{name}')) {
    return new InputError(
      'packages',
      `${problem}: both packages are named ${packageBinaryName(later.package, config.workingDirectory, config.binaryNames)}`,
      'build them in separate steps with different output-dir values',
    );
  }
  const missing = ['name', 'goos', 'goarch'].filter((key) => !config.nameTemplate.includes(`{${key}}`));
  return new InputError(
    'name-template',
    `${problem}: name-template ${JSON.stringify(config.nameTemplate)} does not tell them apart`,
    `add ${missing.map((key) => `{${key}}`).join(', ')}, e.g. {name}_{goos}_{goarch}{ext}`,
  );
}

/**
 * The same build linked without stripping (`-s=false` after the job's own ldflags wins), written to `output`,
 * so `go tool nm` can see the symbols the shipped binary dropped. DWARF stays out (-w): nm does not need it.
 * Everything else matches the job, so GOCACHE serves every compile and only the link runs again.
 */
export function unstrippedBuild(job: BuildJob, output: string): BuildJob {
  const args = job.args.map((arg, index) => (index > 0 && job.args[index - 1] === '-o' ? output : arg));
  // go keeps the last -ldflags it is given, which may come from build-flags.
  const ldflagsAt = args.findLastIndex((arg) => arg.startsWith('-ldflags='));
  if (ldflagsAt >= 0) args[ldflagsAt] = `${args[ldflagsAt]} -s=false -w`;
  else args.splice(args.indexOf('-buildvcs=false') + 1, 0, '-ldflags=-s=false -w');
  return { ...job, args, output, label: `${job.label} (unstripped)` };
}
