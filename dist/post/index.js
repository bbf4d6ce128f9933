import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CACHE_STATE,
  COMMENT_HEADER_STATE,
  REPORT_FILE_STATE,
  UNTRUSTED_CHECKOUT_STATE,
  isDefaultBranchPush,
  readReleaseRun,
  renderCacheSaveSection,
  saveGoCaches,
  saveReleaseReport,
  saveReportToCache,
  saveToHistory
} from "../chunks/chunk-FJAC7IPR.js";
import {
  info,
  parseReport
} from "../chunks/chunk-PM7YWOBP.js";
import {
  endGroup,
  getState,
  startGroup,
  summary,
  warning
} from "../chunks/chunk-MY3REOT7.js";
import "../chunks/chunk-JO4DLYHU.js";

// src/entries/post.ts
import { readFile } from "node:fs/promises";
async function saveCaches() {
  const state = getState(CACHE_STATE);
  if (!state) return;
  if (getState(UNTRUSTED_CHECKOUT_STATE)) {
    info(
      "Not saving caches: this run built a fork\u2019s code with the base branch\u2019s privileges (see the warning above)."
    );
    return;
  }
  const { plan, restored } = JSON.parse(state);
  startGroup("Save caches");
  const saved = await saveGoCaches(plan, restored);
  endGroup();
  if (saved.entries.length > 0) await summary.addRaw(renderCacheSaveSection(saved)).write();
}
async function saveReportForPullRequests() {
  const reportFile = getState(REPORT_FILE_STATE);
  const header = getState(COMMENT_HEADER_STATE);
  const sha = process.env.GITHUB_SHA;
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!reportFile || !header || !sha || !eventPath) return;
  const payload = JSON.parse(await readFile(eventPath, "utf8"));
  const eventName = process.env.GITHUB_EVENT_NAME ?? "";
  const release = readReleaseRun(eventName, payload);
  const temp = process.env.RUNNER_TEMP ?? "";
  if (!release && !isDefaultBranchPush(eventName, payload)) return;
  const report = parseReport(JSON.parse(await readFile(reportFile, "utf8")), reportFile);
  if (release) {
    await saveReleaseReport(report, release, temp, header);
    return;
  }
  await saveReportToCache(report, sha, temp, header);
  await saveToHistory(report, sha, temp, header);
}
async function run() {
  await saveCaches();
  await saveReportForPullRequests();
}
run().catch((error) => {
  warning(error instanceof Error ? error.message : String(error));
});
