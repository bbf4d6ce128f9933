import * as core from '../io/log.js';
import { readFile } from 'node:fs/promises';
import { saveGoCaches, type RestoreResult } from '../io/cache/go-caches.js';
import type { CachePlan } from '../core/cache/keys.js';
import { renderCacheSaveSection } from '../core/cache/summary.js';
import { readReleaseRun } from '../core/compare/baselines.js';
import { parseReport } from '../core/report/parse.js';
import { isDefaultBranchPush } from '../core/compare/base-report-inputs.js';
import { saveReportToCache } from '../io/github/base-report.js';
import { saveReleaseReport, saveToHistory } from '../io/github/baseline-cache.js';
import {
  CACHE_STATE,
  COMMENT_HEADER_STATE,
  REPORT_FILE_STATE,
  UNTRUSTED_CHECKOUT_STATE,
} from '../core/state.js';

async function saveCaches(): Promise<void> {
  const state = core.getState(CACHE_STATE);
  if (!state) return;
  if (core.getState(UNTRUSTED_CHECKOUT_STATE)) {
    core.info(
      'Not saving caches: this run built a fork’s code with the base branch’s privileges (see the warning above).',
    );
    return;
  }
  const { plan, restored } = JSON.parse(state) as { plan: CachePlan; restored: RestoreResult };
  core.startGroup('Save caches');
  const saved = await saveGoCaches(plan, restored);
  core.endGroup();
  if (saved.entries.length > 0) await core.summary.addRaw(renderCacheSaveSection(saved)).write();
}

/**
 * On pushes to the default branch, keeps this commit's Report where pull requests look for their base, and adds
 * its sizes to the history their trend comes from; on a release's run, keeps it as the newest release's.
 */
async function saveReportForPullRequests(): Promise<void> {
  const reportFile = core.getState(REPORT_FILE_STATE);
  const header = core.getState(COMMENT_HEADER_STATE);
  const sha = process.env.GITHUB_SHA;
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!reportFile || !header || !sha || !eventPath) return;
  const payload: unknown = JSON.parse(await readFile(eventPath, 'utf8'));
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const release = readReleaseRun(eventName, payload);
  const temp = process.env.RUNNER_TEMP ?? '';
  if (!release && !isDefaultBranchPush(eventName, payload)) return;
  const report = parseReport(JSON.parse(await readFile(reportFile, 'utf8')), reportFile);
  if (release) {
    await saveReleaseReport(report, release, temp, header);
    return;
  }
  await saveReportToCache(report, sha, temp, header);
  await saveToHistory(report, sha, temp, header);
}

async function run(): Promise<void> {
  await saveCaches();
  await saveReportForPullRequests();
}

run().catch((error: unknown) => {
  // A post step never fails the job: what it saves is an optimisation.
  core.warning(error instanceof Error ? error.message : String(error));
});
