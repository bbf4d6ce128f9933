// Scans the logs a test run saved (the local runner writes them when SETUP_GO_ARM64_LOG_DIR is set) for secrets:
// a token a test handed to the action appearing anywhere but in the `::add-mask::` line that hides it, and a
// signed URL's `sig=` value that GitHub would display, i.e. one not hidden by a mask registered before the line.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { maskLog, parseWorkflowCommand } from '../../scripts/local-runner.js';

/** A secret found in a log. `detail` names where and what, never the secret itself. */
export interface LogFinding {
  kind: 'token' | 'signature';
  /** The log file, relative to the scanned root. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  detail: string;
}

export interface LogScan {
  /** Runs (directories of step logs) and loose logs scanned. */
  logs: number;
  lines: number;
  findings: LogFinding[];
}

/** A query parameter carrying a signature (Azure SAS `sig=`), with the value GitHub would show. */
const SIGNATURE = /[?&]sig=([^&\s"'<>]*)/g;

/**
 * The findings in one run's step logs, given in step order: masks registered by a step stay registered for the
 * steps after it, as in a GitHub job.
 */
export function scanRunLogs(
  steps: { file: string; text: string }[],
  secrets: { label: string; value: string }[],
): { lines: number; findings: LogFinding[] } {
  const findings: LogFinding[] = [];
  const masks: string[] = [];
  let lines = 0;
  for (const { file, text } of steps) {
    const raw = text.split('\n');
    lines += raw.length;
    raw.forEach((line, index) => {
      const command = parseWorkflowCommand(line.replace(/\r$/, ''));
      for (const secret of secrets) {
        if (!line.includes(secret.value)) continue;
        // Registering a mask is the one place a token may appear: the runner never shows that line.
        if (command?.command === 'add-mask') continue;
        findings.push({ kind: 'token', file, line: index + 1, detail: `${secret.label} appears in the log` });
      }
      // The line as displayed, after the masks registered so far (an `::add-mask::` line registers one).
      for (const match of maskLog(line, masks).matchAll(SIGNATURE)) {
        const value = match[1] ?? '';
        if (value === '' || value === '***') continue;
        findings.push({
          kind: 'signature',
          file,
          line: index + 1,
          detail: `a signed URL's sig= (${value.length} characters) is displayed unmasked`,
        });
      }
    });
  }
  return { lines, findings };
}

function stepOrder(name: string): number {
  return Number(/^(\d+)-/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
}

/**
 * Scans every saved log under `root`: each directory is one run (its `<n>-<step>.log` files, in step order), and
 * each loose `.log` file a log of its own. A missing root is an empty scan.
 */
export function scanSavedLogs(root: string, secrets: { label: string; value: string }[]): LogScan {
  const scan: LogScan = { logs: 0, lines: 0, findings: [] };
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return scan;
  }
  const add = (steps: { file: string; text: string }[]) => {
    const result = scanRunLogs(steps, secrets);
    scan.logs++;
    scan.lines += result.lines;
    scan.findings.push(...result.findings);
  };
  for (const name of names) {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) {
      const steps = readdirSync(full)
        .filter((file) => file.endsWith('.log'))
        .sort((a, b) => stepOrder(a) - stepOrder(b) || a.localeCompare(b))
        .map((file) => ({ file: `${name}/${file}`, text: readFileSync(path.join(full, file), 'utf8') }));
      if (steps.length > 0) add(steps);
    } else if (name.endsWith('.log')) {
      add([{ file: name, text: readFileSync(full, 'utf8') }]);
    }
  }
  return scan;
}

/**
 * Saves a log the code under test wrote in this process (not through the local runner) where the suite's log
 * scan reads it; does nothing unless SETUP_GO_ARM64_LOG_DIR is set.
 */
export function saveLog(name: string, text: string): void {
  const root = process.env.SETUP_GO_ARM64_LOG_DIR;
  if (!root) return;
  mkdirSync(root, { recursive: true });
  const safeName = name.replace(/\W+/g, '_');
  writeFileSync(path.join(root, `${safeName}-${process.pid}-${randomBytes(4).toString('hex')}.log`), text);
}

/** `finding` as one line for a message: where, and what (never the secret's value). */
export function describeFinding(finding: LogFinding): string {
  return `${finding.file}:${finding.line}: ${finding.detail}`;
}
