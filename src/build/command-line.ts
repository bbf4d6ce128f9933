import type { BuildJob } from './plan.js';

/** An argument as a POSIX shell would need it: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line as a reader would retype it: arguments with spaces or quotes in single quotes. */
function displayCommand(command: string, args: string[]): string {
  return [command, ...args].map(shellWord).join(' ');
}

/**
 * A build job as a shell command that reproduces it when pasted: the job's own variables (GOOS, GOARCH, a
 * variant's GOARM…, CGO_ENABLED, CC/CXX) first, then `go` and its arguments.
 */
export function jobCommandLine(job: BuildJob): string {
  const assignments = Object.entries(job.env).map(([name, value]) => `${name}=${shellWord(value)}`);
  return [...assignments, displayCommand('go', job.args)].join(' ');
}
