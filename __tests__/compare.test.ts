import fc from 'fast-check';
import {
  compareReports,
  formatDeltaBytes,
  formatDeltaPercent,
  GREW_MOST_LIMIT,
  rowKey,
  type ComparableTarget,
} from '../src/core/compare/compare.js';
import { buildReport, type Report } from '../src/core/report/report.js';

function target(
  spec: string,
  sizeBytes: number,
  extra: Partial<ComparableTarget> & { buildMs?: number } = {},
): ComparableTarget {
  const [goos, goarch, variant] = spec.split('/') as [string, string, string | undefined];
  return {
    goos,
    goarch,
    ...(variant ? { variant } : {}),
    package: '.',
    path: `dist/hello_${goos}_${goarch}`,
    sizeBytes,
    buildMs: 1000,
    sha256: String(sizeBytes).padStart(64, '0'),
    format: goos === 'darwin' ? 'macho' : goos === 'windows' ? 'pe' : 'elf',
    arch: goarch,
    ...extra,
  };
}

function report(commit: string, targets: ComparableTarget[], overrides: Partial<Report> = {}): Report {
  return {
    ...buildReport({
      go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true },
      commit,
      flags: { ldflags: '-s -w', trimpath: true, cgo: false },
      targets,
      wallMs: 5000,
    }),
    ...overrides,
  };
}

describe('compareReports', () => {
  // Two builds that both started from a partly warm cache: their build times compare, so the rows give deltas.
  const partlyWarm = (commit: string, targets: ComparableTarget[]) =>
    report(commit, targets, { buildCache: 'partial' });
  const base = partlyWarm('a'.repeat(40), [
    target('linux/amd64', 2_000_000, { buildMs: 1200 }),
    target('linux/arm64', 1_900_000),
    target('darwin/arm64', 2_100_000),
    target('windows/amd64', 2_200_000),
  ]);
  const head = partlyWarm('b'.repeat(40), [
    target('linux/amd64', 2_100_000, { buildMs: 1500 }),
    target('linux/arm64', 1_850_000),
    target('darwin/arm64', 2_100_000),
    target('linux/riscv64', 2_050_000),
  ]);
  const comparison = compareReports(base, head);

  it('matches targets by package and GOOS/GOARCH and computes size and build-time deltas', () => {
    const amd64 = comparison.rows.find((r) => r.target === 'linux/amd64');
    expect(amd64).toMatchObject({
      key: '. linux/amd64',
      status: 'changed',
      baseBytes: 2_000_000,
      headBytes: 2_100_000,
      deltaBytes: 100_000,
      baseBuildMs: 1200,
      headBuildMs: 1500,
      buildMsDelta: 300,
    });
    expect(amd64?.deltaPercent).toBeCloseTo(5, 10);
    expect(comparison.rows.find((r) => r.target === 'linux/arm64')?.deltaPercent).toBeCloseTo(-2.6315789, 5);
    expect(comparison.rows.find((r) => r.target === 'darwin/arm64')).toMatchObject({
      status: 'unchanged',
      deltaBytes: 0,
      deltaPercent: 0,
    });
  });

  it('lists a target only head has as added and one only base has as removed', () => {
    expect(comparison.rows.find((r) => r.target === 'linux/riscv64')).toMatchObject({
      status: 'added',
      baseBytes: null,
      headBytes: 2_050_000,
      deltaBytes: 2_050_000,
      deltaPercent: null,
      buildMsDelta: null,
    });
    expect(comparison.rows.find((r) => r.target === 'windows/amd64')).toMatchObject({
      status: 'removed',
      baseBytes: 2_200_000,
      headBytes: null,
      deltaBytes: -2_200_000,
    });
  });

  it('sorts rows by absolute delta, largest first', () => {
    expect(comparison.rows.map((r) => r.target)).toEqual([
      'windows/amd64',
      'linux/riscv64',
      'linux/amd64',
      'linux/arm64',
      'darwin/arm64',
    ]);
  });

  it('totals the targets built on both sides apart from all targets', () => {
    expect(comparison.commonTotals).toMatchObject({
      baseBytes: 6_000_000,
      headBytes: 6_050_000,
      deltaBytes: 50_000,
    });
    expect(comparison.commonTotals.deltaPercent).toBeCloseTo((50_000 / 6_000_000) * 100, 10);
    expect(comparison.allTotals).toMatchObject({
      baseBytes: base.totals.sizeBytes,
      headBytes: head.totals.sizeBytes,
      deltaBytes: head.totals.sizeBytes - base.totals.sizeBytes,
    });
    expect(comparison.changed).toBe(true);
  });

  it('keeps variants and packages apart', () => {
    const variants = compareReports(
      report('a', [target('linux/arm/6', 1000), target('linux/arm/7', 1000)]),
      report('b', [target('linux/arm/7', 1100), target('linux/arm/7', 1000, { package: './cmd/tool' })]),
    );
    expect(variants.rows.map((r) => [r.key, r.status])).toEqual([
      ['. linux/arm/6', 'removed'],
      ['./cmd/tool linux/arm/7', 'added'],
      ['. linux/arm/7', 'changed'],
    ]);
  });

  it('reports nothing changed when every target has the same size', () => {
    const same = compareReports(base, report('c', base.targets));
    expect(same.changed).toBe(false);
    expect(same.rows.every((r) => r.status === 'unchanged')).toBe(true);
    expect(same.caveats).toEqual([]);
  });

  it('names the packages that grew most when both sides carry attribution', () => {
    const before = [
      { package: 'runtime', sizeBytes: 500_000 },
      { package: 'golang.org/x/text/language', sizeBytes: 100_000 },
      { package: 'fmt', sizeBytes: 50_000 },
    ];
    const after = [
      { package: 'runtime', sizeBytes: 500_100 },
      { package: 'golang.org/x/text/language', sizeBytes: 100_000 },
      { package: 'golang.org/x/text/collate', sizeBytes: 900_000 },
      { package: 'fmt', sizeBytes: 40_000 },
      ...Array.from({ length: 10 }, (_, i) => ({ package: `example.com/p${i}`, sizeBytes: 10 + i })),
    ];
    const attributed = compareReports(
      report('a', [target('linux/amd64', 650_000, { attribution: before }), target('linux/arm64', 1000)]),
      report('b', [
        target('linux/amd64', 1_540_145, { attribution: after }),
        target('linux/arm64', 2000, { attribution: after }),
      ]),
    );
    const amd64 = attributed.rows.find((r) => r.target === 'linux/amd64');
    expect(amd64?.grewMost?.map((g) => [g.package, g.deltaBytes])).toEqual([
      ['golang.org/x/text/collate', 900_000],
      ['runtime', 100],
      ['example.com/p9', 19],
      ['example.com/p8', 18],
      ['example.com/p7', 17],
    ]);
    expect(amd64?.grewMost).toHaveLength(GREW_MOST_LIMIT);
    // Only head carries attribution for arm64: nothing to subtract from.
    expect(attributed.rows.find((r) => r.target === 'linux/arm64')?.grewMost).toBeUndefined();
  });

  it('notes differences in toolchain and flags', () => {
    const other = report('c', base.targets, {
      go: { ...base.go, version: '1.26.0' },
      flags: { ldflags: '', trimpath: false, cgo: true },
    });
    expect(compareReports(base, other).caveats).toEqual([
      'base was built with Go 1.25.4, head with Go 1.26.0',
      'base was linked with -ldflags=-s -w, head with -ldflags=',
      '-trimpath was on for base, off for head',
      'CGO_ENABLED was 0 for base, 1 for head',
    ]);
  });

  it('keeps its invariants for any pair of reports', () => {
    const specs = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64', 'linux/arm/7'];
    const side = fc
      .subarray(specs)
      .chain((chosen) =>
        fc.tuple(...chosen.map((spec) => fc.nat({ max: 5_000_000 }).map((size) => target(spec, size)))),
      );
    fc.assert(
      fc.property(side, side, (baseTargets, headTargets) => {
        const result = compareReports(report('a', baseTargets), report('b', headTargets));
        const keys = new Set([...baseTargets, ...headTargets].map(rowKey));
        expect(result.rows).toHaveLength(keys.size);
        expect(result.rows.reduce((sum, r) => sum + r.deltaBytes, 0)).toBe(result.allTotals.deltaBytes);
        for (let i = 1; i < result.rows.length; i++)
          expect(Math.abs(result.rows[i - 1]!.deltaBytes)).toBeGreaterThanOrEqual(
            Math.abs(result.rows[i]!.deltaBytes),
          );
        expect(result.changed).toBe(result.rows.some((r) => r.status !== 'unchanged'));
      }),
    );
  });
});

describe('formatting deltas', () => {
  it('signs sizes and percentages', () => {
    expect(formatDeltaBytes(1536)).toBe('+1.5 KiB');
    expect(formatDeltaBytes(-1_572_864)).toBe('-1.5 MiB');
    expect(formatDeltaBytes(0)).toBe('0 B');
    expect(formatDeltaPercent(8.125)).toBe('+8.1%');
    expect(formatDeltaPercent(-0.04)).toBe('-0.04%');
    expect(formatDeltaPercent(0)).toBe('0.0%');
    expect(formatDeltaPercent(null)).toBe('n/a');
  });
});
