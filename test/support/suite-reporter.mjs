// A jest reporter that ends the run with one line of what the suite measured: the fault, bad-input and attack
// cases it ran (recordCase in test/support/suite-counts.ts), the fuzz iterations (fuzz-<pid>.json), and the bad
// outcomes found (partial installs, corrupt cache entries restored, secrets in logs). Secrets are counted by
// scanning every log saved during the run once more at the end, so logs written after the secrets test ran
// count too. A run starts by clearing what finished runs left, and ends by clearing its own files; the files of
// another run still going on the same machine (its processes alive) are left alone.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import { tsImport } from 'tsx/esm/api';

/** Loads a TypeScript module of test/support (the reporter runs outside ts-jest). */
function loadSupport(name) {
  return tsImport(`./${name}`, import.meta.url);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The pid a counts file or a run's log directory is named after. */
function ownerPid(name) {
  const match = /^(?:suite|fuzz)-(\d+)\.jsonl?$/.exec(name) ?? /^run-(\d+)-/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes the counts files and log directories of processes that are gone, and this process's own. */
function removeFinished(countsDir, logRoot) {
  for (const [dir, names] of [
    [countsDir, safeReaddir(countsDir)],
    [logRoot, safeReaddir(logRoot)],
  ]) {
    for (const name of names) {
      const pid = ownerPid(name);
      if (pid !== undefined && (pid === process.pid || !alive(pid))) {
        rmSync(path.join(dir, name), { recursive: true, force: true });
      }
    }
  }
}

/** The suite line's reporter; jest.config.js lists it after 'default'. */
export default class SuiteReporter {
  async onRunStart() {
    this.counts = await loadSupport('suite-counts.ts');
    this.scan = await loadSupport('log-scan.ts');
    const { SUITE_COUNTS_DIR, SUITE_LOG_ROOT } = this.counts;
    removeFinished(SUITE_COUNTS_DIR, SUITE_LOG_ROOT);
    mkdirSync(SUITE_COUNTS_DIR, { recursive: true });
    this.startedMs = Date.now();
    this.runId = `${process.pid}-${this.startedMs}`;
    // Test processes start after this and inherit both: their records carry the run id, and the local runner in
    // each of them saves its logs for the final scan. A log directory given by the caller is used (and kept).
    process.env.SETUP_GO_ARM64_SUITE_RUN = this.runId;
    this.ownLogDir = !process.env.SETUP_GO_ARM64_LOG_DIR;
    if (this.ownLogDir) process.env.SETUP_GO_ARM64_LOG_DIR = path.join(SUITE_LOG_ROOT, `run-${this.runId}`);
  }

  async onRunComplete() {
    if (!this.counts) return;
    const { SUITE_COUNTS_DIR, SUITE_LOG_ROOT, readSuiteRecords, recordedSecrets } = this.counts;
    const records = readSuiteRecords(this.runId, SUITE_COUNTS_DIR);
    const count = (type, kind) => records.filter((r) => r.type === type && r.kind === kind).length;

    // Fuzz tallies carry no run id: those written since this run started are its own.
    let fuzzIterations = 0;
    for (const name of safeReaddir(SUITE_COUNTS_DIR)) {
      if (!/^fuzz-\d+\.json$/.test(name)) continue;
      const file = path.join(SUITE_COUNTS_DIR, name);
      if (statSync(file).mtimeMs < this.startedMs) continue;
      fuzzIterations += Number(JSON.parse(readFileSync(file, 'utf8')).fuzzIterations) || 0;
    }

    const scan = this.scan.scanSavedLogs(process.env.SETUP_GO_ARM64_LOG_DIR, recordedSecrets(this.runId));
    const secretFindings = new Set([
      ...records.filter((r) => r.type === 'outcome' && r.kind === 'secret-in-log').map((r) => r.detail),
      ...scan.findings.map(this.scan.describeFinding),
    ]);

    const line =
      `suite: ${count('case', 'fault')} fault cases, ${count('case', 'bad-input')} bad-input cases, ` +
      `${count('case', 'attack')} attack cases, ${fuzzIterations} fuzz iterations; ` +
      `${count('outcome', 'partial-install')} partial installs, ` +
      `${count('outcome', 'corrupt-restore')} corrupt cache entries restored, ` +
      `${secretFindings.size} secrets in logs`;
    const details = [
      ...records
        .filter((r) => r.type === 'outcome' && r.kind !== 'secret-in-log')
        .map((r) => `${r.kind}: ${r.detail}`),
      ...[...secretFindings].map((detail) => `secret-in-log: ${detail}`),
    ];
    const text =
      details.map((detail) => `  ${detail}\n`).join('') +
      `${line} (${scan.lines} log lines scanned in ${scan.logs} logs)\n`;
    // Jest's summary reporter always runs after custom ones; the line goes out once it has printed.
    let printed = false;
    const print = () => {
      if (!printed) process.stderr.write(text);
      printed = true;
    };
    setImmediate(print);
    process.once('exit', print);

    removeFinished(SUITE_COUNTS_DIR, SUITE_LOG_ROOT);
    delete process.env.SETUP_GO_ARM64_SUITE_RUN;
    if (this.ownLogDir) delete process.env.SETUP_GO_ARM64_LOG_DIR;
  }
}
