import * as core from '../io/log.js';
import { readFile } from 'node:fs/promises';
import { replaceFileConfined } from '../io/platform/confine.js';
import path from 'node:path';
import { parseReport } from '../core/report/parse.js';
import { InputError } from '../core/errors.js';
import { mergeReports } from '../core/report/merge.js';
import { CHECKSUMS_FILE, renderChecksums } from '../core/report/checksums.js';
import type { Report, TargetResult } from '../core/report/report.js';

/** Writes the Report file and sets the report outputs; returns the file's path. */
export async function publishReport(report: Report, reportFile: string, roots: string[]): Promise<string> {
  // Its directory must resolve inside the workspace (or RUNNER_TEMP).
  await replaceFileConfined(reportFile, JSON.stringify(report, null, 2) + '\n', {
    input: 'report-file',
    roots,
  });
  core.setOutput('report', JSON.stringify(report));
  core.setOutput('report-file', reportFile);
  core.setOutput('artifacts', JSON.stringify(report.targets.map((t) => t.path)));
  core.setOutput('total-size-bytes', String(report.totals.sizeBytes));
  core.setOutput('build-seconds', (report.totals.wallMs / 1000).toFixed(3));
  return reportFile;
}

/**
 * Writes output-dir's checksums file for the built files (after every build, the universal ones included) and
 * sets the checksums-file output; returns the file's path.
 */
export async function writeChecksums(
  targets: TargetResult[],
  where: { workspace: string; outputDir: string; roots: string[] },
): Promise<string> {
  const files = targets.map((target) => ({
    name: path
      .relative(where.outputDir, path.resolve(where.workspace, target.path))
      .split(path.sep)
      .join('/'),
    sha256: target.sha256,
  }));
  const file = path.join(where.outputDir, CHECKSUMS_FILE);
  await replaceFileConfined(file, renderChecksums(files), { input: 'output-dir', roots: where.roots });
  core.setOutput('checksums-file', file);
  core.info(`Wrote the sha256 of ${files.length} file(s) to ${path.relative(where.workspace, file)}`);
  return file;
}

/** Reads the Reports `merge-reports` names (other jobs' artifacts) and merges them into one. */
export async function readAndMergeReports(patterns: string, workspace: string): Promise<Report> {
  const absolute = patterns
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((pattern) => (path.isAbsolute(pattern) ? pattern : path.join(workspace, pattern)));
  // Loaded on first use: only a job that merges reports needs a glob.
  const glob = await import('@actions/glob');
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
