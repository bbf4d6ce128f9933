import { displayCommand, shellWord } from '../platform/command-text.js';
import type { BuildJob } from './plan.js';

/**
 * A build job as a shell command that reproduces it when pasted: the job's own variables (GOOS, GOARCH, a
 * variant's GOARM…, CGO_ENABLED, CC/CXX) first, then `go` and its arguments.
 */
export function jobCommandLine(job: BuildJob): string {
  const assignments = Object.entries(job.env).map(([name, value]) => `${name}=${shellWord(value)}`);
  return [...assignments, displayCommand('go', job.args)].join(' ');
}
