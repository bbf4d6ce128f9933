import { buildReport, targetKey, type Report, type TargetResult } from './report.js';

/** A target of a merged report, carrying the runner that built it (runners differ per target). */
export type MergedTargetResult = TargetResult & Required<Pick<TargetResult, 'host'>>;

/**
 * Merges Reports from several runners (one per target in the reusable workflow) into one. Each target keeps its
 * own host; the merged `go` block describes the first report's toolchain and is native only when every runner's
 * was. The same target twice is an error: two runners built it, and which size counts would be a guess.
 */
export function mergeReports(reports: Report[]): Report {
  const first = reports[0];
  if (!first) throw new Error('No reports to merge');
  const versions = new Set(reports.map((r) => r.go.version));
  if (versions.size > 1) {
    throw new Error(
      `The reports were built with different Go versions (${[...versions].join(', ')}); merge reports of one version`,
    );
  }
  const seen = new Map<string, number>();
  const targets: MergedTargetResult[] = [];
  reports.forEach((report, index) => {
    for (const target of report.targets) {
      const key = targetKey(target);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new Error(
          `Target ${key} appears in report ${earlier + 1} and report ${index + 1}; each target must be built once`,
        );
      }
      seen.set(key, index);
      targets.push({
        ...target,
        host: { os: report.go.hostOs, arch: report.go.hostArch, native: report.go.native },
      });
    }
  });
  const merged = buildReport({
    go: { ...first.go, native: reports.every((r) => r.go.native) },
    commit: first.commit,
    flags: first.flags,
    targets,
    wallMs: Math.max(...reports.map((r) => r.totals.wallMs)),
  });
  return merged;
}
