import type { GoBuildInfo } from '../binary/buildinfo.js';

/** One built file, as measured after the build. `format` and `arch` come from the file's own header. */
export interface TargetResult {
  goos: string;
  goarch: string;
  /** GOARM / GOAMD64 / … level when the target names one, e.g. `6` for linux/arm/6. */
  variant?: string;
  /** The main package as given in `packages`, e.g. `.` or `./cmd/tool`. */
  package: string;
  /** Path of the built file, relative to the workspace. */
  path: string;
  sizeBytes: number;
  buildMs: number;
  sha256: string;
  /** Container format read from the header: `elf`, `macho`, `macho-fat` (a universal Mach-O) or `pe`. */
  format: string;
  /**
   * Architecture read from the header, in GOARCH spelling (`arm64`, `amd64`, …); a universal Mach-O's slices
   * joined by `+` in file order (`amd64+arm64`).
   */
  arch: string;
  /** A universal Mach-O's slices, in file order (goarch `universal`, format `macho-fat`). */
  slices?: SliceResult[];
  /**
   * Symbols a Mach-O still defines although ldflags strip them (`-s`): Go 1.21 and older keep the Mach-O symbol
   * table under -s. Read from the file's own load commands; absent when there are none.
   */
  keptSymbols?: number;
  /** The file's CycloneDX SBOM, relative to the workspace (when `sbom` is on): `path` with `.cdx.json` added. */
  sbom?: string;
  /** The packages whose symbols take the most bytes, largest first (when `attribution` is on). */
  attribution?: PackageSize[];
  /**
   * The file's own Go build info, as `go version -m` shows it (it survives `-s -w`), so a comparison can name the
   * modules, Go version and build settings that changed; absent for a universal Mach-O (its slices are the thin rows).
   */
  buildInfo?: GoBuildInfo;
}

/** One slice of a universal Mach-O, measured from its own bytes. */
export interface SliceResult {
  /** From the slice's Mach-O header, in GOARCH spelling. */
  arch: string;
  /** Where the slice starts in the universal file. */
  offset: number;
  sizeBytes: number;
  /** Of the slice's bytes: the same as the thin binary's it was made from. */
  sha256: string;
  /** From the slice's Go build info (absent when it has none): the toolchain, GOOS and GOARCH. */
  goVersion?: string;
  goos?: string;
  goarch?: string;
}

/**
 * Bytes of a binary's symbols that belong to one Go package (`runtime`, `github.com/google/uuid`), or to
 * compiler-generated data that belongs to none (`type:` descriptors, `go:` function data, itabs and strings).
 */
export interface PackageSize {
  package: string;
  sizeBytes: number;
}

/** A build that produced no file the report can count, and why (the first line of what failed). */
export interface FailedBuild {
  package: string;
  goos: string;
  goarch: string;
  variant?: string;
  reason: string;
}

/** The toolchain that built the targets, and whether it runs natively on the build machine. */
export interface ReportToolchain {
  version: string;
  hostOs: string;
  hostArch: string;
  native: boolean;
}

/** The flags every target was built with. */
export interface ReportFlags {
  /**
   * As the ldflags input gives them, placeholders included, so that Reports of different commits built the
   * same way compare equal.
   */
  ldflags: string;
  /** As passed to the linker, `{version}`, `{commit}` and `{date}` filled in; only when ldflags uses them. */
  stampedLdflags?: string;
  trimpath: boolean;
  cgo: boolean;
  /** Build tags (`-tags`). */
  tags?: string[];
  /** Further `go build` flags from the build-flags input, one word each. */
  buildFlags?: string[];
  /** The variables of the build environment that change what go builds (GOAMD64, GOEXPERIMENT, …) that were set. */
  env?: Record<string, string>;
}

/** What one run built. Schema v1: fields may be added, never renamed. */
export interface Report {
  schemaVersion: 1;
  go: ReportToolchain;
  commit: string | null;
  flags: ReportFlags;
  targets: TargetResult[];
  /** Builds that failed (present only when some did), so a partial report says what it lacks. */
  failed?: FailedBuild[];
  /**
   * How the build cache (GOCACHE) started: restored from its own key (`exact`), from a restore key
   * (`partial`), or not restored (`none`); absent when cache-build is off, as nothing then says how warm it was.
   */
  buildCache?: 'exact' | 'partial' | 'none';
  totals: { sizeBytes: number; buildMs: number; wallMs: number };
}

/** Builds a Report from measured results; totals are derived, never taken from the caller. */
export function buildReport(input: {
  go: ReportToolchain;
  commit: string | null;
  flags: ReportFlags;
  targets: TargetResult[];
  failed?: FailedBuild[];
  buildCache?: Report['buildCache'];
  wallMs: number;
}): Report {
  const targets = [...input.targets].sort(
    (a, b) =>
      a.package.localeCompare(b.package) ||
      a.goos.localeCompare(b.goos) ||
      a.goarch.localeCompare(b.goarch) ||
      (a.variant ?? '').localeCompare(b.variant ?? ''),
  );
  return {
    schemaVersion: 1,
    go: input.go,
    commit: input.commit,
    flags: input.flags,
    targets,
    ...(input.failed && input.failed.length > 0 ? { failed: input.failed } : {}),
    ...(input.buildCache ? { buildCache: input.buildCache } : {}),
    totals: {
      sizeBytes: targets.reduce((sum, t) => sum + t.sizeBytes, 0),
      buildMs: targets.reduce((sum, t) => sum + t.buildMs, 0),
      wallMs: input.wallMs,
    },
  };
}
