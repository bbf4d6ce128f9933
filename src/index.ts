/**
 * setup-go-arm64 as a library: the same code the action runs, for tools and workflows that compose it
 * themselves. Pure functions take and return plain data; the few that touch the network, the file system or
 * processes say so in their doc comments.
 *
 * @packageDocumentation
 */

// Versions: files, specs, resolution against a release index.
export {
  parseVersionFile,
  versionFileKind,
  type VersionRequirement,
  type VersionFileKind,
} from './core/version/files.js';
export {
  parseVersionSpec,
  compareGoVersions,
  goToSemver,
  semverToGo,
  type VersionSpec,
} from './core/version/spec.js';
export {
  resolveVersion,
  exactVersion,
  satisfies,
  type Release,
  type ReleaseFile,
} from './core/version/resolve.js';
export { parseGoDevIndex, parseToolchainModuleList } from './core/version/releases.js';

// Nativeness: platform facts in, verdict out.
export {
  machineArchitecture,
  parseArchitectureInput,
  proveNative,
  toolchainArchFor,
  type ArchitectureInput,
  type MachineArch,
  type NativeProof,
} from './core/toolchain/native.js';
export { gatherPlatformFacts, type PlatformFacts } from './io/platform/facts.js';

// Verifying toolchain modules.
export { hash1, parseGoSumLine } from './core/toolchain/module-hash.js';
export { hashModuleZip } from './io/toolchain/dirhash.js';

// Cache keys.
export { planGoCaches, type CachePlan, type CachePlanInput } from './core/cache/keys.js';

// Cross-builds.
export { parseTargets, targetName, validateTargets, type Target } from './core/build/targets.js';
export { planBuilds, type BuildConfig, type BuildJob } from './core/build/plan.js';
export { runBuilds, type JobOutcome, type RunBuildsOptions } from './io/build/run.js';

// Binaries.
export { readBinaryHeader, type BinaryHeader, type BinaryFormat } from './core/binary/header.js';
export { readGoBuildInfo, type GoBuildInfo } from './core/binary/buildinfo.js';
export { inspectBinaryFile, type InspectedBinary, type InspectedSlice } from './io/binary/inspect-file.js';
export { planFatLayout, readFatSlices, type FatLayout, type FatSlice } from './core/binary/fat.js';

// Reports: build, merge, compare, judge, render.
export {
  buildReport,
  type Report,
  type TargetResult,
  type SliceResult,
  type ReportFlags,
  type ReportToolchain,
} from './core/report/report.js';
export { parseReport } from './core/report/parse.js';
export { mergeReports } from './core/report/merge.js';
export { compareReports, type SizeComparison, type SizeRow } from './core/compare/compare.js';
export {
  buildDifferences,
  buildTimeComparability,
  type BaseBuild,
  type BuildDifference,
} from './core/compare/like-for-like.js';
export {
  judge,
  parseSizeLimit,
  type Thresholds,
  type Verdict,
  type SizeLimit,
} from './core/compare/thresholds.js';
export { renderBuildSection, renderSizeChart } from './core/report/summary.js';
export { renderSizeComment, renderNoBaseComment, commentMarker } from './core/compare/comment.js';

// SBOMs: a Go binary's build info in, a CycloneDX BOM out.
export {
  goBinarySbom,
  type CycloneDxBom,
  type CycloneDxComponent,
  type GoBinarySbomInput,
} from './core/report/sbom.js';
export { goModulePurl } from './core/report/purl.js';

// Errors every parser throws for bad input.
export { InputError, VerificationError } from './core/errors.js';
