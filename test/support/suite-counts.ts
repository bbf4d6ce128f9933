// What the test suite exercised, counted where it happens: every fault, bad input and attack a test puts the
// action through, and every bad outcome a test measured (a partial install left in a tool cache, a corrupt cache
// entry restored, a secret in a log). Each test process appends JSON lines to its own file under
// SUITE_COUNTS_DIR; the suite reporter (suite-reporter.mjs) adds them up into one line at the end of the run.
// Several jest runs may share the machine: each record carries the id of the run that made it (the reporter
// hands it to the test processes in SETUP_GO_ARM64_SUITE_RUN), and each run saves its logs in its own directory.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the counts of one run live; the reporter empties it before and after the run. */
export const SUITE_COUNTS_DIR = path.join(os.tmpdir(), 'setup-go-arm64-suite-counts');

/** Under here, each run's saved logs: the reporter points SETUP_GO_ARM64_LOG_DIR at `<this>/run-<id>`. */
export const SUITE_LOG_ROOT = path.join(SUITE_COUNTS_DIR, 'logs');

/** The id of the jest run this process belongs to; records made outside a reported run carry none. */
export function suiteRunId(): string | undefined {
  return process.env.SETUP_GO_ARM64_SUITE_RUN || undefined;
}

/** What a case put the action through. */
export type CaseKind = 'fault' | 'bad-input' | 'attack';

/** A bad outcome a test measured; the suite line shows how many there were (0 is the goal). */
export type OutcomeKind = 'partial-install' | 'corrupt-restore' | 'secret-in-log';

/** One line of a counts file. */
export type SuiteRecord = { run?: string } & (
  | { type: 'case'; kind: CaseKind; name: string }
  | { type: 'outcome'; kind: OutcomeKind; detail: string }
  | { type: 'secret'; label: string; value: string }
);

function append(record: SuiteRecord, dir = SUITE_COUNTS_DIR): void {
  mkdirSync(dir, { recursive: true });
  const run = suiteRunId();
  // One short line per append: O_APPEND writes of it never interleave with another process's.
  appendFileSync(
    path.join(dir, `suite-${process.pid}.jsonl`),
    `${JSON.stringify({ ...record, ...(run ? { run } : {}) })}\n`,
  );
}

/** Counts one case this test is about to put the action (or a module of it) through. */
export function recordCase(kind: CaseKind, name: string): void {
  append({ type: 'case', kind, name });
}

/** Records a bad outcome a test measured, e.g. the path of a partial install it found. */
export function recordOutcome(kind: OutcomeKind, detail: string): void {
  append({ type: 'outcome', kind, detail });
}

/** Records a secret (a token) a test handed to the action, so the log scan can look for it in every saved log. */
export function recordSecret(value: string, label: string): void {
  append({ type: 'secret', label, value });
}

/** Every record of the run `run` in `dir`'s counts files, in no particular order. */
export function readSuiteRecords(run = suiteRunId(), dir = SUITE_COUNTS_DIR): SuiteRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^suite-\d+\.jsonl$/.test(name))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SuiteRecord)
    .filter((record) => record.run === run);
}

/** The secrets the tests of run `run` recorded, each once. */
export function recordedSecrets(
  run = suiteRunId(),
  dir = SUITE_COUNTS_DIR,
): { label: string; value: string }[] {
  const byValue = new Map<string, string>();
  for (const record of readSuiteRecords(run, dir)) {
    if (record.type === 'secret' && record.value !== '') byValue.set(record.value, record.label);
  }
  return [...byValue].map(([value, label]) => ({ label, value }));
}
