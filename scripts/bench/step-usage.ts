// What one of the action's node processes used, recorded by the process itself as it exits: a --require preload
// (through NODE_OPTIONS) writes one JSON file per process. Rows 6 and 8 read the main step's record.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../../src/io/platform/process.js';

/**
 * The peak RSS is /proc/self/status's VmHWM (kB), the high-water mark of this process's own memory map. Not
 * resourceUsage().maxRSS: Linux carries ru_maxrss across fork and exec, so a process spawned by a large parent
 * (the bench itself, over 100 MiB) reports at least the parent's size. The children's CPU comes from
 * /proc/self/stat's cutime and cstime (fields 16 and 17, in clock ticks): every child the process waited for,
 * with the children those waited for, as `/usr/bin/time` counts them. Fields are counted after the last ')',
 * since the command name may hold spaces.
 */
const PRELOAD = `
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
process.on('exit', () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  const status = readFileSync('/proc/self/status', 'utf8');
  const usage = process.resourceUsage();
  writeFileSync(
    join(process.env.BENCH_STEP_USAGE_DIR, process.pid + '.json'),
    JSON.stringify({
      script: process.argv[1],
      peakRssBytes: parseInt(status.slice(status.indexOf('VmHWM:') + 'VmHWM:'.length), 10) * 1024,
      ownCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      childrenCpuMs: (ticks * 1000) / Number(process.env.BENCH_CLOCK_TICKS),
    }),
  );
});
`;

export interface StepUsage {
  script: string;
  peakRssBytes: number;
  ownCpuMs: number;
  childrenCpuMs: number;
}

/** Writes the preload into `scratch`; `env(dir)` is what a node process needs to record its usage into `dir`. */
export async function stepUsagePreload(
  scratch: string,
): Promise<{ env: (dir: string) => Record<string, string> }> {
  const file = path.join(scratch, 'step-usage-preload.cjs');
  await writeFile(file, PRELOAD);
  const ticks = (await runCommand('getconf', ['CLK_TCK'], { cwd: scratch, env: process.env })).stdout.trim();
  if (!/^[1-9]\d*$/.test(ticks)) throw new Error(`getconf CLK_TCK printed ${JSON.stringify(ticks)}`);
  return {
    env: (dir) => ({
      NODE_OPTIONS: `--require ${file}`,
      BENCH_STEP_USAGE_DIR: dir,
      BENCH_CLOCK_TICKS: ticks,
    }),
  };
}

/** The record of the process that ran dist/setup/index.js (the main step), from a directory the preload wrote. */
export async function mainStepUsage(dir: string): Promise<StepUsage> {
  for (const name of await readdir(dir)) {
    const record = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StepUsage;
    if (record.script?.endsWith(path.join('dist', 'setup', 'index.js'))) return record;
  }
  throw new Error(`No usage recorded for dist/setup/index.js in ${dir}`);
}
