import path from 'node:path';
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
  tags: string[];
  /** Extra `go build` flags, already split into words. */
  extraFlags: string[];
  /** Absolute directory the binaries go to. */
  outputDir: string;
  /** e.g. `{name}_{goos}_{goarch}{ext}`. */
  nameTemplate: string;
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

/** The binary's base name for a package: its last path element, or the module directory's name for `.`. */
export function packageBinaryName(pkg: string, workingDirectory: string): string {
  const trimmed = pkg.replace(/\/\.\.\.$/, '').replace(/\/+$/, '');
  return trimmed === '.' || trimmed === '' ? path.basename(workingDirectory) : path.posix.basename(trimmed);
}

export function renderName(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** One job per (package, target), in a stable order. */
export function planBuilds(config: BuildConfig): BuildJob[] {
  const jobs: BuildJob[] = [];
  for (const pkg of config.packages) {
    const name = packageBinaryName(pkg, config.workingDirectory);
    for (const target of config.targets) {
      const fileName = renderName(config.nameTemplate, {
        name,
        goos: target.goos,
        goarch: target.goarch,
        variant: target.variant ?? '',
        ext: target.goos === 'windows' ? '.exe' : '',
      });
      // A variant must not collide with the plain target's file name.
      const output = path.join(
        config.outputDir,
        target.variant && !config.nameTemplate.includes('{variant}')
          ? fileName.replace(/(\.exe)?$/, `_${target.variant}$1`)
          : fileName,
      );
      const args = ['build', '-o', output];
      if (config.trimpath) args.push('-trimpath');
      // VCS stamping makes bytes depend on the checkout's state and fails where git refuses the directory
      // (safe.directory); the commit is recorded in the Report and available to -X as {commit}.
      args.push('-buildvcs=false');
      if (config.ldflags) args.push(`-ldflags=${config.ldflags}`);
      if (config.tags.length > 0) args.push(`-tags=${config.tags.join(',')}`);
      args.push(...config.extraFlags, pkg);
      jobs.push({
        package: pkg,
        target,
        args,
        env: { ...targetEnv(target), CGO_ENABLED: config.cgo ? '1' : '0' },
        output,
        label: `${pkg} ${targetName(target)}`,
      });
    }
  }
  return jobs;
}
