// What the test suite exercised, counted where it happens: every fault, bad input and attack a test puts the
// action through, and every bad outcome a test measured (a partial install left in a tool cache, a corrupt cache
// entry restored, a secret in a log). Each test process appends JSON lines to its own file under
// SUITE_COUNTS_DIR; the suite reporter (suite-reporter.cjs) adds them up into one line at the end of the run.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the counts of one run live; the reporter empties it before and after the run. */
export const SUITE_COUNTS_DIR = path.join(os.tmpdir(), 'setup-go-arm64-suite-counts');

/** Where the local runner saves each step's log when SETUP_GO_ARM64_LOG_DIR points here (the reporter sets it). */
export const SUITE_LOG_DIR = path.join(SUITE_COUNTS_DIR, 'logs');

/** What a case put the action through. */
export type CaseKind = 'fault' | 'bad-input' | 'attack';

/** A bad outcome a test measured; the suite line shows how many there were (0 is the goal). */
export type OutcomeKind = 'partial-install' | 'corrupt-restore' | 'secret-in-log';

/** One line of a counts file. */
export type SuiteRecord =
  | { type: 'case'; kind: CaseKind; name: string }
  | { type: 'outcome'; kind: OutcomeKind; detail: string }
  | { type: 'secret'; label: string; value: string };

function append(record: SuiteRecord, dir = SUITE_COUNTS_DIR): void {
  mkdirSync(dir, { recursive: true });
  // One short line per append: O_APPEND writes of it never interleave with another process's.
  appendFileSync(path.join(dir, `suite-${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
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

/** Every record in `dir`'s counts files, in no particular order. */
export function readSuiteRecords(dir = SUITE_COUNTS_DIR): SuiteRecord[] {
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
    .map((line) => JSON.parse(line) as SuiteRecord);
}

/** The secrets tests recorded, each once. */
export function recordedSecrets(dir = SUITE_COUNTS_DIR): { label: string; value: string }[] {
  const byValue = new Map<string, string>();
  for (const record of readSuiteRecords(dir)) {
    if (record.type === 'secret' && record.value !== '') byValue.set(record.value, record.label);
  }
  return [...byValue].map(([value, label]) => ({ label, value }));
}
