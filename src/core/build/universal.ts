// The universal-darwin option, pure: which builds make each universal binary, where it goes, and what its
// report row says once the file is written and read back.
import type { InspectedBinary } from '../../io/binary/inspect-file.js';
import { formatName } from '../binary/header.js';
import { InputError } from '../errors.js';
import type { SliceResult, TargetResult } from '../report/report.js';
import { outputPath, packageBinaryName, type BuildConfig, type BuildJob } from './plan.js';
import { targetName, type Target } from './targets.js';

/** The goarch a universal binary's report row and file name carry. */
export const UNIVERSAL_GOARCH = 'universal';

/** The darwin builds a universal binary is made of. */
const SLICE_ARCHS = ['arm64', 'amd64'] as const;

const isSliceTarget = (target: Target, arch: string) =>
  target.goos === 'darwin' && target.goarch === arch && !target.variant;

/** universal-darwin needs both darwin builds among the targets; fails up front, naming what is missing. */
export function checkUniversalTargets(targets: Target[]): void {
  const missing = SLICE_ARCHS.filter((arch) => !targets.some((target) => isSliceTarget(target, arch)));
  if (missing.length === 0) return;
  const listed = targets.map(targetName).join(' ');
  throw new InputError(
    'universal-darwin',
    `Input universal-darwin is true, but targets (${listed ? listed : 'empty'}) lack ` +
      `${missing.map((arch) => `darwin/${arch}`).join(' and ')}`,
    'add darwin/arm64 and darwin/amd64 (without a variant) to targets, which the universal binary is made of, ' +
      'or set universal-darwin: false',
  );
}

/** One universal binary to write: the package, its file, and the thin builds that are its slices. */
export interface UniversalPlan {
  package: string;
  output: string;
  /** The darwin/arm64 and darwin/amd64 jobs of the package. */
  slices: BuildJob[];
  /** `. darwin/universal`: how logs and the report's failures name it. */
  label: string;
}

/**
 * A universal binary per package, named by the name template with goarch `universal`. It can take no other
 * build's name: planBuilds already refused a template that does not tell darwin/arm64 from darwin/amd64 apart,
 * so the template names {goarch}, and no GOARCH is `universal`.
 */
export function planUniversal(
  jobs: BuildJob[],
  config: Pick<BuildConfig, 'outputDir' | 'nameTemplate' | 'workingDirectory' | 'binaryNames'>,
): UniversalPlan[] {
  const packages = [...new Set(jobs.map((job) => job.package))];
  return packages.map((pkg) => {
    const slices = SLICE_ARCHS.map((arch) =>
      jobs.find((job) => job.package === pkg && isSliceTarget(job.target, arch)),
    ).filter((job): job is BuildJob => job !== undefined);
    const name = packageBinaryName(pkg, config.workingDirectory, config.binaryNames);
    const output = outputPath(config, pkg, name, { goos: 'darwin', goarch: UNIVERSAL_GOARCH });
    return { package: pkg, output, slices, label: `${pkg} darwin/${UNIVERSAL_GOARCH}` };
  });
}

/** A universal file's slices as the report lists them. */
function sliceResults(inspected: InspectedBinary): SliceResult[] {
  return (inspected.slices ?? []).map((slice) => ({
    arch: slice.arch,
    offset: slice.offset,
    sizeBytes: slice.sizeBytes,
    sha256: slice.sha256,
    ...(slice.buildInfo
      ? {
          goVersion: slice.buildInfo.goVersion,
          goos: slice.buildInfo.settings.GOOS ?? '',
          goarch: slice.buildInfo.settings.GOARCH ?? '',
        }
      : {}),
  }));
}

/**
 * The report row of a written universal binary, or what is wrong with it: its header must say fat Mach-O, and
 * each slice must hold exactly the bytes of the thin build it was made from, with build info for its arch.
 */
export function universalResult(
  plan: UniversalPlan,
  inspected: InspectedBinary,
  thin: TargetResult[],
  file: { path: string; buildMs: number },
): { result: TargetResult } | { problems: string[] } {
  const slices = sliceResults(inspected);
  const problems: string[] = [];
  if (!inspected.header.fat) problems.push(`header says ${inspected.header.format}, not a universal Mach-O`);
  for (const arch of SLICE_ARCHS) {
    const slice = slices.find((s) => s.arch === arch);
    const source = thin.find((t) => t.package === plan.package && isSliceTarget(t, arch));
    if (!slice) problems.push(`it has no ${arch} slice`);
    else if (slice.sha256 !== source?.sha256)
      problems.push(`its ${arch} slice differs from the darwin/${arch} build`);
    else if (slice.goos !== 'darwin' || slice.goarch !== arch)
      problems.push(`its ${arch} slice's build info says ${slice.goos ?? '?'}/${slice.goarch ?? '?'}`);
  }
  if (slices.length !== SLICE_ARCHS.length)
    problems.push(`it has ${slices.length} slices, not ${SLICE_ARCHS.length}`);
  if (problems.length > 0) return { problems };
  return {
    result: {
      goos: 'darwin',
      goarch: UNIVERSAL_GOARCH,
      package: plan.package,
      path: file.path,
      sizeBytes: inspected.sizeBytes,
      buildMs: file.buildMs,
      sha256: inspected.sha256,
      format: formatName(inspected.header),
      arch: inspected.header.arch,
      slices,
    },
  };
}
