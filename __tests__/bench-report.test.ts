// The bench's verdicts: each goal kind bounds its own figure (a ratio, a difference, an absolute value), and a row
// whose runs fall on both sides of the goal says so.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { renderTable, rowResult, type RowSpec } from '../scripts/bench/report.js';
import { parseBenchArgs } from '../scripts/bench/options.js';
import { mainStepUsage, stepUsagePreload } from '../scripts/bench/step-usage.js';

const ms = (label: string) => ({ label, unit: 'ms' as const });

function spec(goal: RowSpec['goal'], withB = true): RowSpec {
  return { id: '1', row: 1, title: 'row', a: ms('A'), ...(withB ? { b: ms('B') } : {}), goal };
}

describe('bench goals', () => {
  test('a ratio goal bounds median(A) / median(B)', () => {
    const row = rowResult(spec({ kind: 'max', value: 0.8 }), [70, 80, 90], [100, 100, 100]);
    expect(row.figure).toBeCloseTo(0.8);
    expect(row.verdict).toBe('meets');
    expect(row.runsStraddleGoal).toBe(true);
    expect(row.perRunFigures.map((f) => Number(f.toFixed(2)))).toEqual([0.7, 0.8, 0.9]);
  });

  test('a difference goal bounds median(A) − median(B) in its unit, whatever the ratio', () => {
    const goal = { kind: 'maxDifference', value: 300, unit: 'ms' } as const;
    const over = rowResult(spec(goal), [1400, 1500, 1600], [1000, 1100, 1200]);
    expect(over.figure).toBe(400);
    expect(over.verdict).toBe('misses');
    expect(over.runsStraddleGoal).toBe(false);
    // A ratio of 3 is within 300 ms when the builds themselves are short.
    const within = rowResult(spec(goal), [300, 310, 320], [100, 100, 100]);
    expect(within.figure).toBe(210);
    expect(within.verdict).toBe('meets');
    expect(renderTable([over])).toContain('| +400 ms (+400 ms … +400 ms) | A − B ≤ 300 ms | **misses** |');
  });

  test('a value goal bounds median(A) alone; B is context and may be absent', () => {
    const goal = { kind: 'maxValue', value: 100 * 1024 ** 2, unit: 'bytes' } as const;
    const rss = { label: 'maxRSS', unit: 'bytes' as const };
    const row = rowResult(
      { ...spec(goal), a: rss, b: rss },
      [90, 110, 120].map((mib) => mib * 1024 ** 2),
      [70, 70, 70].map((mib) => mib * 1024 ** 2),
    );
    expect(row.figure).toBe(110 * 1024 ** 2);
    expect(row.verdict).toBe('misses');
    expect(row.runsStraddleGoal).toBe(true);
    expect(renderTable([row])).toContain(
      '| 110.0 MiB (90.0 MiB … 120.0 MiB) | A ≤ 100.0 MiB | **misses** (runs straddle the goal) |',
    );

    const wall = rowResult(
      spec({ kind: 'maxValue', value: 15 * 60_000, unit: 'ms' }, false),
      [14 * 60_000],
      undefined,
    );
    expect(wall.b).toBeUndefined();
    expect(wall.verdict).toBe('meets');
    expect(renderTable([wall])).toContain('| — | 14.0 min | A ≤ 15.0 min | meets |');
    // A subset of the rows: the same figure, reported without a verdict.
    const subset = rowResult(spec({ kind: 'report' }, false), [3 * 60_000], undefined);
    expect(subset.verdict).toBe('report');
    expect(renderTable([subset])).toContain('| — | 3.0 min | report | report |');
  });

  test('a ratio or difference goal without a B side is a bench bug, not a verdict', () => {
    expect(() => rowResult(spec({ kind: 'max', value: 1 }, false), [1], undefined)).toThrow(/needs a B side/);
  });
});

describe('bench measurements and flags', () => {
  test('the step-usage preload counts the CPU of the children a node process waited for, apart from its own', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'step-usage-'));
    try {
      const preload = await stepUsagePreload(scratch);
      const dir = path.join(scratch, 'usage');
      await mkdir(dir);
      // A script named like the main step, whose one child spins until it has used 400 ms of CPU, however loaded.
      const script = path.join(scratch, 'dist', 'setup', 'index.js');
      await mkdir(path.dirname(script), { recursive: true });
      await writeFile(
        script,
        "require('node:child_process').spawnSync(process.execPath, ['-e', 'let used = 0; while (used < 400_000) { const u = process.cpuUsage(); used = u.user + u.system; }']);",
      );
      // The spawning process holds 256 MiB, which ru_maxrss would carry into the child's figure.
      const ballast = Buffer.alloc(256 * 1024 ** 2, 1);
      const run = spawnSync(process.execPath, [script], { env: { ...process.env, ...preload.env(dir) } });
      expect(ballast.length).toBe(256 * 1024 ** 2);
      expect(run.status).toBe(0);
      const usage = await mainStepUsage(dir);
      expect(usage.childrenCpuMs).toBeGreaterThanOrEqual(350);
      expect(usage.childrenCpuMs).toBeLessThan(5_000);
      expect(usage.ownCpuMs).toBeLessThan(usage.childrenCpuMs);
      expect(usage.peakRssBytes).toBeGreaterThan(10 * 1024 ** 2);
      expect(usage.peakRssBytes).toBeLessThan(200 * 1024 ** 2);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  test('every row of the goals table can be chosen, and no other', () => {
    expect([...parseBenchArgs(['--rows', '2,3,10']).rows]).toEqual([2, 3, 10]);
    expect(() => parseBenchArgs(['--rows', '11'])).toThrow(
      /"11" is not a row; use numbers from 1, 2, 3, 4, 5, 6, 7, 8, 9, 10/,
    );
    expect(parseBenchArgs([]).setupGoDir).toBe('.bench/actions-setup-go');
    expect(() => parseBenchArgs(['--setup-go', ''])).toThrow(/--setup-go names no directory/);
  });
});
