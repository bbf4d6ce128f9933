// The release's Report and the default branch's size history in the cache: the post step saves them, and a
// pull request's run restores them to compare with besides its base commit.
import * as core from '../log.js';
import path from 'node:path';
import {
  appendToHistory,
  historyKey,
  HISTORY_KEY_PREFIX,
  parseHistory,
  RELEASE_KEY_PREFIX,
  releaseReportKey,
  releaseTagOfKey,
  type ReleaseRun,
  type SizeHistory,
} from '../../core/compare/baselines.js';
import {
  compareWithRelease,
  renderReleaseSection,
  renderTrendSection,
  type ReleaseComparison,
  type ReleaseReport,
} from '../../core/compare/baselines-comment.js';
import { headerSlug } from '../../core/compare/comment.js';
import type { Thresholds } from '../../core/compare/thresholds.js';
import { parseReport } from '../../core/report/parse.js';
import type { Report } from '../../core/report/report.js';
import { restoreJsonEntry, saveJsonEntry } from './cache-entry.js';

/** Each `comment-header` keeps entries of its own: the file's path is part of the entry's version. */
function entryFile(temp: string, kind: 'size-release' | 'size-history', header: string): string {
  return path.join(temp, 'setup-go-arm64', kind, `${headerSlug(header)}.json`);
}

/** Saves a release's Report where a pull request finds the newest one by prefix (post step). Never throws. */
export async function saveReleaseReport(
  report: Report,
  release: ReleaseRun,
  temp: string,
  header: string,
): Promise<boolean> {
  if (!release.visibleToPullRequests)
    core.info(
      `This run is for the tag ${release.tag}: GitHub scopes what it caches to the tag, where no pull request ` +
        'looks. To compare pull requests with releases, save the report from a workflow_run workflow after the ' +
        'release’s (see the README).',
    );
  const file = entryFile(temp, 'size-release', header);
  return saveJsonEntry(file, releaseReportKey(release.tag), report, `the size report of ${release.tag}`);
}

/** The newest release's Report in the cache: GitHub answers a prefix with the newest entry it matches. */
export async function restoreLatestRelease(temp: string, header: string): Promise<ReleaseReport | undefined> {
  const restored = await restoreJsonEntry(
    entryFile(temp, 'size-release', header),
    {
      key: RELEASE_KEY_PREFIX,
      restoreKeys: [RELEASE_KEY_PREFIX],
      miss: 'No release’s size report in the cache',
    },
    'release size report',
    parseReport,
  );
  return restored && { tag: releaseTagOfKey(restored.matched), report: restored.value };
}

async function restoreHistory(commit: string, file: string): Promise<SizeHistory | undefined> {
  const restored = await restoreJsonEntry(
    file,
    { key: historyKey(commit), restoreKeys: [HISTORY_KEY_PREFIX], miss: 'No size history in the cache' },
    'size history',
    parseHistory,
  );
  return restored?.value;
}

/** Adds a default-branch Report to the newest history and saves that under the commit (post step). */
export async function saveToHistory(report: Report, commit: string, temp: string, header: string) {
  const file = entryFile(temp, 'size-history', header);
  const history = appendToHistory(await restoreHistory(commit, file), report);
  const what = `the size history (${history.points.length} default-branch reports)`;
  return saveJsonEntry(file, historyKey(commit), history, what);
}

/** What the pull request's comment shows besides the base commit. */
export interface OtherBaselines {
  release?: ReleaseComparison;
  sections: { release: string[]; trend: string[] };
}

/** Restores the newest release's Report and the history up to the base commit, and compares head with them. */
export async function compareWithOtherBaselines(options: {
  baseSha: string;
  head: Report;
  temp: string;
  header: string;
  limits: Thresholds['release'];
}): Promise<OtherBaselines> {
  const { head, temp, header } = options;
  const latest = await restoreLatestRelease(temp, header);
  const release = latest && compareWithRelease(latest, head, options.limits);
  const history = await restoreHistory(options.baseSha, entryFile(temp, 'size-history', header));
  return {
    ...(release ? { release } : {}),
    sections: { release: renderReleaseSection(release), trend: renderTrendSection(history, head) },
  };
}
