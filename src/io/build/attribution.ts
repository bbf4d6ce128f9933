// Size attribution, the shell side: links a build again with its symbols and reads them with `go tool nm`.
// The grouping itself is pure (report/attribution.ts).
import { readFileStart } from '../binary/inspect-file.js';
import { readMachOLayout } from '../../core/binary/macho-layout.js';
import {
  attributeSizes,
  parseLinkedArchives,
  parseNmOutput,
  parseObjectSizes,
} from '../../core/report/attribution.js';
import type { PackageSize } from '../../core/report/report.js';
import { unstrippedBuild, type BuildJob } from '../../core/build/plan.js';
import { runCommand } from '../platform/process.js';
import { runBuildJob } from './run.js';

/** Go's Mach-O load commands fit in far less; the header says how many bytes they take. */
const MACHO_COMMANDS_BYTES = 64 * 1024;
/** Archives per nm run, so the command line stays within Windows' 32,767 characters. */
const ARCHIVES_PER_NM = 64;

/** Where go and its tools run from, and with what environment (a job's own variables go on top). */
export interface GoInvocation {
  goBinary: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The path of the nm tool, built once into GOCACHE when the toolchain does not ship it (Go 1.25 and later
 * build most tools on first use), so concurrent attributions do not each build it.
 */
export async function locateNmTool(go: GoInvocation): Promise<string> {
  const result = await runCommand(go.goBinary, ['tool', '-n', 'nm'], { cwd: go.cwd, env: go.env });
  const tool = result.stdout.trim().split(/\r?\n/).pop() ?? '';
  if (result.exitCode !== 0 || tool === '') {
    throw new Error(`go tool -n nm failed (exit ${result.exitCode}): ${result.output.trim()}`);
  }
  return tool;
}

async function runNm(nmTool: string, args: string[], go: GoInvocation): Promise<string> {
  const nm = await runCommand(nmTool, ['-size', ...args], { cwd: go.cwd, env: go.env });
  if (nm.exitCode !== 0) throw new Error(`nm failed (exit ${nm.exitCode}): ${nm.stderr.trim()}`);
  return nm.stdout;
}

/** The sizes the package archives give their symbols, read by nm a batch of archives at a time. */
async function objectSizes(
  nmTool: string,
  archives: string[],
  go: GoInvocation,
): Promise<Map<string, number>> {
  let output = '';
  for (let at = 0; at < archives.length; at += ARCHIVES_PER_NM) {
    output += await runNm(nmTool, archives.slice(at, at + ARCHIVES_PER_NM), go);
  }
  return parseObjectSizes(output);
}

/**
 * The `limit` packages taking the most bytes in the job's binary. Links the job again without stripping into
 * `scratchFile` (GOCACHE already holds every compiled package, so only the link runs), then sums the symbol
 * sizes `nm -size` reports per package. A Mach-O has no symbol sizes, so there the link also prints (`-x`) the
 * package archives it reads, whose symbols have their sizes, and the file's sections bound the rest.
 */
export async function measureAttribution(
  job: BuildJob,
  go: GoInvocation,
  nmTool: string,
  scratchFile: string,
  limit = 15,
): Promise<PackageSize[]> {
  const machO = job.target.goos === 'darwin' || job.target.goos === 'ios';
  const unstripped = unstrippedBuild(job, scratchFile);
  const [command, ...rest] = unstripped.args;
  const link = await runBuildJob(machO ? { ...unstripped, args: [command!, '-x', ...rest] } : unstripped, go);
  if (!link.ok) throw new Error(`the unstripped link failed: ${link.output.trim()}`);
  const symbols = parseNmOutput(await runNm(nmTool, ['-sort', 'size', scratchFile], go));
  if (!machO) return attributeSizes(symbols, limit);
  const layout = readMachOLayout(await readFileStart(scratchFile, MACHO_COMMANDS_BYTES));
  const sizes = await objectSizes(nmTool, parseLinkedArchives(link.output), go);
  return attributeSizes(symbols, limit, layout?.sections ?? [], sizes);
}
