// Size attribution, the shell side: links a build again with its symbols and reads them with `go tool nm`.
// The grouping itself is pure (report/attribution.ts).
import { readFileStart } from '../binary/inspect-file.js';
import { readMachOLayout } from '../binary/macho-layout.js';
import { attributeSizes, parseNmOutput } from '../report/attribution.js';
import type { PackageSize } from '../report/report.js';
import { unstrippedBuild, type BuildJob } from './plan.js';
import { runBuildJob, runCommand } from './run.js';

/** Go's Mach-O load commands fit in far less; the header says how many bytes they take. */
const MACHO_COMMANDS_BYTES = 64 * 1024;

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

/**
 * The `limit` packages taking the most bytes in the job's binary. Links the job again without stripping into
 * `scratchFile` (GOCACHE already holds every compiled package, so only the link runs), then sums the symbol
 * sizes `nm -size` reports per package.
 */
export async function measureAttribution(
  job: BuildJob,
  go: GoInvocation,
  nmTool: string,
  scratchFile: string,
  limit = 15,
): Promise<PackageSize[]> {
  const link = await runBuildJob(unstrippedBuild(job, scratchFile), go);
  if (!link.ok) throw new Error(`the unstripped link failed: ${link.output.trim()}`);
  const nm = await runCommand(nmTool, ['-size', '-sort', 'size', scratchFile], { cwd: go.cwd, env: go.env });
  if (nm.exitCode !== 0) throw new Error(`nm failed (exit ${nm.exitCode}): ${nm.stderr.trim()}`);
  // Mach-O has no symbol sizes: nm's guesses are cut at the ends of the sections, read from the load commands.
  const layout =
    job.target.goos === 'darwin' || job.target.goos === 'ios'
      ? readMachOLayout(await readFileStart(scratchFile, MACHO_COMMANDS_BYTES))
      : undefined;
  return attributeSizes(parseNmOutput(nm.stdout), limit, layout?.sections ?? []);
}
