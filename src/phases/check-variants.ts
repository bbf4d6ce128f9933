// Asks the installed go whether it takes each variant level the targets ask for, before anything builds.
import type { GoInvocation } from '../io/build/attribution.js';
import { mapPool } from '../io/build/run.js';
import { runCommand } from '../io/platform/process.js';
import {
  checkVariantAnswers,
  variantProbeCommand,
  variantProbes,
  type Target,
} from '../core/build/targets.js';

/** One `go env` per distinct level (none without variants); a level the toolchain refuses fails the step. */
export async function checkVariantsWithToolchain(targets: Target[], go: GoInvocation): Promise<void> {
  const probes = variantProbes(targets);
  const answers = await mapPool(probes, probes.length, (probe) => {
    const { args, env } = variantProbeCommand(probe);
    return runCommand(go.goBinary, args, { cwd: go.cwd, env: { ...go.env, ...env } });
  });
  checkVariantAnswers(probes, answers);
}
