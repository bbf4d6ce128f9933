// The builds a config asks for, pure: the go build jobs, the universal binaries made of their darwin builds, and
// the checks that their files and the checksums file never share a name.
import path from 'node:path';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { CHECKSUMS_FILE } from '../report/checksums.js';
import { planBuilds, type BuildJob } from './plan.js';
import { planUniversal, type UniversalPlan } from './universal.js';

/** The go builds to run, and the universal binaries to make of their darwin builds (universal-darwin). */
export interface BuildPlan {
  jobs: BuildJob[];
  universal: UniversalPlan[];
}

/**
 * The build jobs for the config. Called once before anything is installed, with no names and the ldflags as
 * given, so a bad name-template or package fails at once; then for real with the packages patterns expanded
 * to and go's executable names.
 */
export function planFor(config: Config, ldflags = config.ldflags, resolved?: ResolvedPackages): BuildPlan {
  const naming = {
    workingDirectory: config.workingDirectory,
    outputDir: config.outputDir,
    nameTemplate: config.nameTemplate,
    ...(resolved ? { binaryNames: resolved.names } : {}),
  };
  const jobs = planBuilds({
    ...naming,
    packages: resolved?.packages ?? config.packages,
    targets: config.targets,
    ldflags,
    trimpath: config.trimpath,
    cgo: config.cgo,
    cc: config.cgoCc,
    cxx: config.cgoCxx,
    tags: config.buildTags,
    extraFlags: config.buildFlags,
  });
  const universal = config.universalDarwin ? planUniversal(jobs, naming) : [];
  const checksums = path.join(config.outputDir, CHECKSUMS_FILE);
  const taken = [...jobs, ...universal].find((entry) => entry.output === checksums);
  if (taken) {
    throw new InputError(
      'name-template',
      `Input name-template ${JSON.stringify(config.nameTemplate)} names the binary of ${taken.label} ${CHECKSUMS_FILE}, the checksums file's name in output-dir`,
      'name binaries by package and platform, e.g. {name}_{goos}_{goarch}{ext}',
    );
  }
  return { jobs, universal };
}

/** The packages to build and go's executable name for each, after patterns are expanded to main packages. */
export interface ResolvedPackages {
  packages: string[];
  names: Record<string, string>;
}
