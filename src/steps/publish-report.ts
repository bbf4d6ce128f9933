import * as core from '../log.js';
import * as glob from '@actions/glob';
import { readFile } from 'node:fs/promises';
import { confinedDirectory, replaceFile } from '../platform/confine.js';
import path from 'node:path';
import { parseReport } from '../compare/compare.js';
import { InputError } from '../errors.js';
import { mergeReports } from '../report/merge.js';
import type { Report } from '../report/report.js';

/** Writes the Report file and sets the report outputs; returns the file's path. */
export async function publishReport(report: Report, reportFile: string, roots: string[]): Promise<string> {
  // Written beside its place and renamed over it: a symlink committed under the file's name is replaced, never
  // written through, and its directory must resolve inside the workspace (or RUNNER_TEMP).
  const dir = await confinedDirectory(path.dirname(reportFile), { input: 'report-file', roots });
  await replaceFile(path.join(dir, path.basename(reportFile)), JSON.stringify(report, null, 2) + '\n');
  core.setOutput('report', JSON.stringify(report));
  core.setOutput('report-file', reportFile);
  core.setOutput('artifacts', JSON.stringify(report.targets.map((t) => t.path)));
  core.setOutput('total-size-bytes', String(report.totals.sizeBytes));
  core.setOutput('build-seconds', (report.totals.wallMs / 1000).toFixed(3));
  return reportFile;
}

/** Reads the Reports `merge-reports` names (other jobs' artifacts) and merges them into one. */
export async function readAndMergeReports(patterns: string, workspace: string): Promise<Report> {
  const absolute = patterns
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((pattern) => (path.isAbsolute(pattern) ? pattern : path.join(workspace, pattern)));
  const files = (await (await glob.create(absolute.join('\n'), { matchDirectories: false })).glob()).sort();
  if (files.length === 0) {
    throw new InputError(
      'merge-reports',
      `Input merge-reports (${patterns.trim()}) matches no report file`,
      'point it at the report files downloaded from the build jobs, e.g. ${{ runner.temp }}/reports/*.json',
    );
  }
  const reports = await Promise.all(
    files.map(async (file) => parseReport(JSON.parse(await readFile(file, 'utf8')), file)),
  );
  core.info(`Merging ${reports.length} report(s): ${files.join(', ')}`);
  return mergeReports(reports);
}
