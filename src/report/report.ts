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
  /** Container format read from the header: `elf`, `macho` or `pe`. */
  format: string;
  /** Architecture read from the header, in GOARCH spelling (`arm64`, `amd64`, …). */
  arch: string;
}

/** The toolchain that built the targets, and whether it runs natively on the build machine. */
export interface ReportToolchain {
  version: string;
  hostOs: string;
  hostArch: string;
  native: boolean;
}

export interface ReportFlags {
  ldflags: string;
  trimpath: boolean;
  cgo: boolean;
}

/** What one run built. Schema v1: fields may be added, never renamed. */
export interface Report {
  schemaVersion: 1;
  go: ReportToolchain;
  commit: string | null;
  flags: ReportFlags;
  targets: TargetResult[];
  totals: { sizeBytes: number; buildMs: number; wallMs: number };
}

/** Builds a Report from measured results; totals are derived, never taken from the caller. */
export function buildReport(input: {
  go: ReportToolchain;
  commit: string | null;
  flags: ReportFlags;
  targets: TargetResult[];
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
    totals: {
      sizeBytes: targets.reduce((sum, t) => sum + t.sizeBytes, 0),
      buildMs: targets.reduce((sum, t) => sum + t.buildMs, 0),
      wallMs: input.wallMs,
    },
  };
}
