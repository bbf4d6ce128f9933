// `npm run fuzz`: the parser properties of __tests__/fuzz.test.ts with many more cases. Each parser gets its suite
// count times 50, or FUZZ_RUNS cases when set (FUZZ_RUNS=200000); FUZZ_SEED replays a run, FUZZ_ONLY=<parser,…>
// picks parsers. Runs every parser, prints what ran and each failure, and exits non-zero if any parser misbehaved.
import { DEEP_FUZZ_SCALE, FUZZ_TARGETS, fuzzRuns, fuzzSeed, fuzzTally } from '../test/support/fuzz.js';

/** Generation stops after this long per parser, so a run ends in bounded time on a slow machine. */
const TIME_BUDGET_MS = Number(process.env.FUZZ_TIME_BUDGET_MS) || 10 * 60_000;

async function main(): Promise<void> {
  const only = (process.env.FUZZ_ONLY ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const targets =
    only.length > 0 ? FUZZ_TARGETS.filter((target) => only.includes(target.parser)) : FUZZ_TARGETS;
  if (targets.length === 0)
    throw new Error(`FUZZ_ONLY names no parser; known: ${FUZZ_TARGETS.map((t) => t.parser).join(', ')}`);
  const seed = fuzzSeed() ?? Date.now() ^ (Math.random() * 0x100000000);
  console.log(`Fuzzing ${targets.length} parsers, seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const failures: string[] = [];
  for (const target of targets) {
    const started = Date.now();
    try {
      const result = await target.run({
        numRuns: fuzzRuns(target, DEEP_FUZZ_SCALE),
        seed,
        timeBudgetMs: TIME_BUDGET_MS,
      });
      const rate = Math.round(result.numRuns / (result.elapsedMs / 1000));
      console.log(
        `${target.parser.padEnd(36)} ${String(result.numRuns).padStart(9)} cases  ${(result.elapsedMs / 1000).toFixed(1).padStart(7)} s  ${String(rate).padStart(7)}/s  ${((100 * result.accepted) / result.numRuns).toFixed(0).padStart(3)}% accepted` +
          (result.interrupted ? '  (time budget reached)' : ''),
      );
    } catch (error) {
      console.log(`${target.parser.padEnd(36)} FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  console.log(`fuzz iterations: ${fuzzTally().fuzzIterations}`);
  for (const failure of failures) console.error(`\n${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
