import fc from 'fast-check';
import { compareReports, type ComparableTarget } from '../src/core/compare/compare.js';
import { judge, parseSizeLimit, readThresholds, type Thresholds } from '../src/core/compare/thresholds.js';
import { InputError } from '../src/core/errors.js';
import { buildReport, type Report } from '../src/core/report/report.js';

function target(spec: string, sizeBytes: number, pkg = '.'): ComparableTarget {
  const [goos, goarch] = spec.split('/') as [string, string];
  return {
    goos,
    goarch,
    package: pkg,
    path: `dist/${goos}_${goarch}`,
    sizeBytes,
    buildMs: 100,
    sha256: '0'.repeat(64),
    format: 'elf',
    arch: goarch,
  };
}

function report(targets: ComparableTarget[]): Report {
  return buildReport({
    go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true },
    commit: null,
    flags: { ldflags: '-s -w', trimpath: true, cgo: false },
    targets,
    wallMs: 1,
  });
}

describe('parseSizeLimit', () => {
  it.each([
    ['5%', { percent: 5, text: '5%' }],
    ['0.5%', { percent: 0.5, text: '0.5%' }],
    ['200KB', { bytes: 200_000, text: '200KB' }],
    ['200KiB', { bytes: 204_800, text: '200KiB' }],
    ['1MB', { bytes: 1_000_000, text: '1MB' }],
    ['1MiB', { bytes: 1_048_576, text: '1MiB' }],
    ['1.5 mib', { bytes: 1_572_864, text: '1.5MiB' }],
    ['2GB', { bytes: 2_000_000_000, text: '2GB' }],
    ['4096B', { bytes: 4096, text: '4096B' }],
    ['5%,200KB', { percent: 5, bytes: 200_000, text: '5%,200KB' }],
    [' 200kb , 5 % ', { percent: 5, bytes: 200_000, text: '200KB,5%' }],
  ])('reads %j', (value, expected) => {
    expect(parseSizeLimit(value, 'fail-on-size-increase')).toEqual(expected);
  });

  it('means no limit when empty', () => {
    expect(parseSizeLimit('', 'fail-on-size-increase')).toBeUndefined();
    expect(parseSizeLimit(' , ', 'fail-on-size-increase')).toBeUndefined();
  });

  it.each([
    ['5', '5 has no unit, so it could be a percentage or bytes'],
    ['-5%', '"-5%" is neither a percentage nor a size'],
    ['200XB', '"XB" is not a size unit'],
    ['5%,6%', 'it gives two percentages'],
    ['1MB,2MiB', 'it gives two sizes'],
    ['five percent', '"five percent" is neither a percentage nor a size'],
  ])('rejects %j naming the input and showing valid forms', (value, why) => {
    let thrown: unknown;
    try {
      parseSizeLimit(value, 'fail-on-total-increase');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const error = thrown as InputError;
    expect(error.input).toBe('fail-on-total-increase');
    expect(error.message).toContain(`Input fail-on-total-increase is ${JSON.stringify(value)}: ${why}`);
    expect(error.message).toContain('e.g. 5%, 200KB, 1MiB or 5%,200KB');
  });

  it('reads both inputs', () => {
    const inputs: Record<string, string> = {
      'fail-on-size-increase': '5%',
      'fail-on-total-increase': '1MiB',
    };
    expect(readThresholds((name) => inputs[name] ?? '')).toEqual({
      perTarget: { percent: 5, text: '5%' },
      total: { bytes: 1_048_576, text: '1MiB' },
    });
    expect(readThresholds(() => '')).toEqual({});
  });
});

describe('judge', () => {
  const base = report([
    target('linux/amd64', 2_000_000),
    target('linux/arm64', 2_000_000),
    target('darwin/arm64', 1_000_000),
  ]);
  const head = report([
    target('linux/amd64', 2_150_000), // +150 KB, +7.5%
    target('linux/arm64', 2_060_000), // +60 KB, +3%
    target('darwin/arm64', 1_000_000),
    target('windows/amd64', 9_000_000), // added: never judged
  ]);
  const comparison = compareReports(base, head);
  const limits = (perTarget: string, total = ''): Thresholds =>
    readThresholds((name) =>
      name === 'fail-on-size-increase' ? perTarget : name === 'fail-on-total-increase' ? total : '',
    );

  it('passes when every target stays within the limit', () => {
    const verdict = judge(comparison, limits('10%'));
    expect(verdict).toEqual({
      regression: false,
      breaches: [],
      message: 'Within the size limits (10% per target).',
    });
  });

  it('fails on a percentage and names the worst target', () => {
    const verdict = judge(comparison, limits('5%'));
    expect(verdict.regression).toBe(true);
    expect(verdict.breaches.map((b) => b.label)).toEqual(['linux/amd64']);
    expect(verdict.message).toBe(
      'Size regression: linux/amd64 grew +146.5 KiB (+7.5%), over the fail-on-size-increase limit of 5%.',
    );
  });

  it('fails when either part of a combined limit is exceeded', () => {
    // 2%: both targets over; 200KB: neither. Either one exceeded is enough.
    const verdict = judge(comparison, limits('200KB,2%'));
    expect(verdict.breaches.map((b) => [b.label, b.exceeded])).toEqual([
      ['linux/amd64', ['percent']],
      ['linux/arm64', ['percent']],
    ]);
    expect(judge(comparison, limits('100KB,50%')).breaches.map((b) => [b.label, b.exceeded])).toEqual([
      ['linux/amd64', ['bytes']],
    ]);
  });

  it('does not fail a target that grew exactly by the limit', () => {
    expect(judge(comparison, limits('150KB')).regression).toBe(false);
    expect(judge(comparison, limits('149999B')).regression).toBe(true);
  });

  it('ranks breaches by how far over the limit they are', () => {
    // amd64 is 7.5/1 over a 1% limit; arm64 only 3/1.
    const verdict = judge(comparison, limits('1%'));
    expect(verdict.breaches.map((b) => [b.label, b.overBy])).toEqual([
      ['linux/amd64', 7.5],
      ['linux/arm64', 3],
    ]);
    expect(verdict.message).toMatch(/^Size regression: linux\/amd64 .*; 1 more over a limit\.$/);
  });

  it('judges the total over the targets built on both sides, and names the largest target', () => {
    // Common targets: 5,000,000 → 5,210,000 (+4.2%); the added windows/amd64 does not count.
    expect(judge(comparison, limits('', '5%')).regression).toBe(false);
    const verdict = judge(comparison, limits('', '4%,1MB'));
    expect(verdict.regression).toBe(true);
    expect(verdict.breaches).toHaveLength(1);
    expect(verdict.breaches[0]).toMatchObject({
      scope: 'total',
      label: 'the total of 3 targets',
      deltaBytes: 210_000,
    });
    expect(verdict.message).toBe(
      'Size regression: the total of 3 targets grew +205.1 KiB (+4.2%), over the fail-on-total-increase limit of 4%,1MB; the largest growth is linux/amd64 (+146.5 KiB).',
    );
  });

  it('names a non-root package with its target', () => {
    const pkg = compareReports(
      report([target('linux/amd64', 100, './cmd/tool')]),
      report([target('linux/amd64', 200, './cmd/tool')]),
    );
    expect(judge(pkg, limits('10%')).message).toContain('linux/amd64 (./cmd/tool) grew +100 B (+100.0%)');
  });

  it('says so when no limit is set, or when there is nothing to compare', () => {
    expect(judge(comparison, {})).toEqual({
      regression: false,
      breaches: [],
      message: 'No size limits set (fail-on-size-increase, fail-on-total-increase).',
    });
    expect(judge(undefined, limits('1%')).message).toBe(
      'Nothing to compare against, so no size limit applies.',
    );
  });

  it('never fails a shrink, and fails any growth past a 0% limit', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (size, delta) => {
          const baseSize = size + 1;
          const pair = compareReports(
            report([target('linux/amd64', baseSize)]),
            report([target('linux/amd64', Math.max(0, baseSize + delta))]),
          );
          const grew = Math.max(0, baseSize + delta) > baseSize;
          expect(judge(pair, limits('0%')).regression).toBe(grew);
          expect(judge(pair, limits('0B')).regression).toBe(grew);
        },
      ),
    );
  });
});
