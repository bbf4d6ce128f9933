// Where a pull request's base Report comes from: a file the user names, the cache entry the default branch saved
// for the base commit, or a build of the merge-base in a git worktree.
import * as core from '../log.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  REPORT_CACHE_KEY_PREFIX,
  reportCacheFile,
  reportCacheKey,
} from '../../core/compare/base-report-inputs.js';
import { parseReport } from '../../core/report/parse.js';
import type { BaseBuild } from '../../core/compare/like-for-like.js';
import type { Report } from '../../core/report/report.js';
import { runChecked } from '../platform/process.js';
import { restoreJsonEntry, saveJsonEntry } from './cache-entry.js';

/** Saves a Report for later pull requests (post step, pushes to the default branch). Never throws. */
export async function saveReportToCache(
  report: Report,
  commit: string,
  temp: string,
  header: string,
): Promise<boolean> {
  return saveJsonEntry(
    reportCacheFile(temp, header),
    reportCacheKey(commit),
    report,
    "this commit's size report",
  );
}

/** The base Report, and where it came from. */
export interface BaseReport {
  report: Report;
  /** Said in the comment, e.g. `the cache entry go-size-report-1a2b3c4…`. */
  source: string;
  /** The commit the base sizes belong to, when known. */
  commit: string | null;
  /** How it was built next to head; set once it was checked against the head's report. */
  build?: BaseBuild;
}

/** Restores the base commit's Report, or the newest one saved, from the cache. */
export async function restoreReportFromCache(
  baseSha: string,
  temp: string,
  header: string,
): Promise<BaseReport | undefined> {
  const key = reportCacheKey(baseSha);
  const restored = await restoreJsonEntry(
    reportCacheFile(temp, header),
    {
      key,
      restoreKeys: [REPORT_CACHE_KEY_PREFIX],
      miss: `No size report in the cache for ${key} or any other commit`,
    },
    'size report',
    parseReport,
  );
  if (!restored) return undefined;
  const { value: report, matched } = restored;
  const commit = matched.slice(REPORT_CACHE_KEY_PREFIX.length);
  if (matched === key) {
    core.info(`Base sizes: the cache entry ${matched}`);
    return { report, source: `the cache entry for ${baseSha.slice(0, 7)}`, commit };
  }
  core.notice(
    `No size report was saved for the base commit ${baseSha.slice(0, 7)}; comparing with the newest one in the cache (${matched}), which may differ from the base by other commits`,
  );
  return { report, source: `the newest cached report (${commit.slice(0, 7)}, not the base commit)`, commit };
}

/** Runs git in `cwd` and returns its trimmed stdout; the error carries git's stderr. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await runChecked('git', args, { cwd, env: process.env });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

async function hasCommit(repoDir: string, sha: string): Promise<boolean> {
  return git(repoDir, ['cat-file', '-e', `${sha}^{commit}`]).then(
    () => true,
    () => false,
  );
}

async function isShallow(repoDir: string): Promise<boolean> {
  return (await git(repoDir, ['rev-parse', '--is-shallow-repository'])) === 'true';
}

/** Fetches a commit this clone lacks (a shallow checkout has only the commit it checked out). */
async function ensureCommit(repoDir: string, sha: string, what: string): Promise<void> {
  if (await hasCommit(repoDir, sha)) return;
  const args = ['fetch', '--no-tags', ...((await isShallow(repoDir)) ? ['--depth=1'] : []), 'origin', sha];
  core.info(`The ${what} commit ${sha.slice(0, 7)} is not in this clone; fetching it: git ${args.join(' ')}`);
  await git(repoDir, args);
}

/** How far back a shallow clone is deepened, step by step, to reach the merge-base. */
const DEEPEN_STEPS = [50, 200, 1000];

/** The commit the base sizes are built at. */
export interface MergeBase {
  commit: string;
  /** False when the merge-base could not be found and the base commit itself is used. */
  exact: boolean;
}

/**
 * The merge-base of the pull request (where its branch left the base branch), fetching the two commits if the
 * clone lacks them and deepening a shallow clone until the merge-base is in it. Falls back to the base commit
 * with a notice when history runs out.
 */
export async function findMergeBase(repoDir: string, baseSha: string, headSha: string): Promise<MergeBase> {
  await ensureCommit(repoDir, baseSha, 'base');
  await ensureCommit(repoDir, headSha, 'head');
  const mergeBase = () =>
    git(repoDir, ['merge-base', baseSha, headSha]).then(
      (sha) => sha || undefined,
      () => undefined,
    );
  let found = await mergeBase();
  for (const depth of DEEPEN_STEPS) {
    if (found || !(await isShallow(repoDir))) break;
    core.info(
      `The merge-base of ${baseSha.slice(0, 7)} and ${headSha.slice(0, 7)} is not in this shallow clone; fetching ${depth} more commits: git fetch --deepen=${depth}`,
    );
    try {
      await git(repoDir, ['fetch', '--no-tags', `--deepen=${depth}`, 'origin', baseSha, headSha]);
    } catch (error) {
      core.info((error as Error).message);
      break;
    }
    found = await mergeBase();
  }
  if (found) return { commit: found, exact: true };
  core.notice(
    `Could not find where this pull request branched off (merge-base of ${baseSha.slice(0, 7)} and ${headSha.slice(0, 7)}); ` +
      `comparing against the base commit ${baseSha.slice(0, 7)} instead, so changes on the base branch count too. ` +
      `Checking out with fetch-depth: 0 avoids this.`,
  );
  return { commit: baseSha, exact: false };
}

/** Maps a path inside the main checkout to the same path inside the worktree. */
export type WorktreePath = (pathInCheckout: string) => string;

/**
 * Checks `commit` out into a temporary detached worktree, runs `buildAt` there, and removes the worktree
 * whatever happens. `buildAt` gets the worktree's root and a mapper for paths of the main checkout (such as
 * the working directory); it must write its binaries outside the main checkout's output directory.
 */
export async function buildInWorktree<T>(
  repoDir: string,
  commit: string,
  temp: string,
  buildAt: (worktreeRoot: string, inWorktree: WorktreePath) => Promise<T>,
): Promise<T> {
  const repoRoot = await git(repoDir, ['rev-parse', '--show-toplevel']);
  await mkdir(temp, { recursive: true });
  const worktree = await mkdtemp(path.join(temp, 'base-worktree-'));
  core.info(`Checking out ${commit.slice(0, 7)} into ${worktree}: git worktree add --detach`);
  await git(repoRoot, ['worktree', 'add', '--detach', worktree, commit]);
  try {
    const inWorktree: WorktreePath = (p) => path.join(worktree, path.relative(repoRoot, path.resolve(p)));
    return await buildAt(worktree, inWorktree);
  } finally {
    await git(repoRoot, ['worktree', 'remove', '--force', worktree]).catch(async (error: Error) => {
      core.warning(`Could not remove the worktree ${worktree}: ${error.message}`);
      await rm(worktree, { recursive: true, force: true });
      await git(repoRoot, ['worktree', 'prune']).catch(() => undefined);
    });
  }
}
