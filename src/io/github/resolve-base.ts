// The base Report a pull request's sizes are compared with, like for like: a stored report (a file, or the cache
// entry of the base commit) when it was built the way head was, else the merge-base rebuilt in a worktree with
// head's toolchain and flags.
import * as core from '../log.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseReport } from '../../core/report/parse.js';
import {
  buildDifferences,
  describeDifferences,
  type BuildDifference,
} from '../../core/compare/like-for-like.js';
import { InputError } from '../../core/errors.js';
import type { Report } from '../../core/report/report.js';
import {
  buildInWorktree,
  findMergeBase,
  restoreReportFromCache,
  type BaseReport,
  type WorktreePath,
} from './base-report.js';
import type { BaseReportSetting, PullRequestEvent } from '../../core/compare/base-report-inputs.js';

export interface ResolveBaseOptions {
  setting: BaseReportSetting;
  /** The pull request; without one only a file can give a base. */
  pullRequest?: Pick<PullRequestEvent, 'baseSha' | 'headSha'>;
  /** A directory inside the git checkout (e.g. the working directory). */
  repoDir: string;
  temp: string;
  header: string;
  /** Builds the module at the worktree the way head was built (same toolchain, flags and targets). */
  buildAt?: (worktreeRoot: string, inWorktree: WorktreePath) => Promise<Report>;
  /**
   * The head's report: a stored base built otherwise (another Go, other flags or build environment) is
   * replaced by a rebuild of the merge-base. Without it, stored reports are taken as they are.
   */
  head?: Report;
}

/** The base Report, or why there is none (said in the comment; the step still passes). */
export type BaseResolution = BaseReport | { report?: undefined; reason: string };

const FILE_FIX =
  'give the path of a report file written by this action (its report-file output), or auto, or none';

async function readReportFile(file: string): Promise<BaseReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(
      'base-report',
      `Input base-report names ${file}, which cannot be read (${why})`,
      FILE_FIX,
    );
  }
  try {
    const report = parseReport(JSON.parse(text), file);
    return { report, source: path.basename(file), commit: report.commit };
  } catch (error) {
    throw new InputError(
      'base-report',
      `Input base-report names ${file}: ${(error as Error).message}`,
      FILE_FIX,
    );
  }
}

type Rebuild = Required<Pick<ResolveBaseOptions, 'buildAt'>> &
  Omit<ResolveBaseOptions, 'buildAt'> & { pullRequest: NonNullable<ResolveBaseOptions['pullRequest']> };

/** Builds the merge-base in a worktree; the error's first line when that fails. */
async function buildMergeBase(options: Rebuild): Promise<BaseReport | { failure: string }> {
  const pr = options.pullRequest;
  try {
    const mergeBase = await findMergeBase(options.repoDir, pr.baseSha, pr.headSha);
    const report = await buildInWorktree(
      options.repoDir,
      mergeBase.commit,
      path.join(options.temp, 'setup-go-arm64'),
      options.buildAt,
    );
    return {
      report: { ...report, commit: mergeBase.commit },
      source: mergeBase.exact
        ? 'a build of the merge-base'
        : 'a build of the base commit (merge-base not found)',
      commit: mergeBase.commit,
      build: { kind: 'rebuilt' },
    };
  } catch (error) {
    core.warning(`Could not build the base commit to compare sizes with: ${(error as Error).message}`);
    return { failure: (error as Error).message.split('\n')[0] ?? '' };
  }
}

/** A stored base as it is when it was built the way head was; else the merge-base rebuilt head's way. */
async function likeForLike(
  stored: BaseReport,
  options: ResolveBaseOptions,
  head: Report,
): Promise<BaseReport> {
  const differences: BuildDifference[] = buildDifferences(stored.report, head);
  if (differences.length === 0) return { ...stored, build: { kind: 'stored' } };
  const described = describeDifferences(differences);
  const unlike = (why: string): BaseReport => {
    core.warning(
      `The base sizes (${stored.source}) were built otherwise than head: ${described}. They could not be rebuilt ` +
        `with head's toolchain and flags (${why}), so the comment shows the change as it is and size limits are not judged on it.`,
    );
    return { ...stored, build: { kind: 'unlike', differences, why } };
  };
  const { pullRequest, buildAt } = options;
  if (!pullRequest) return unlike('this run is not for a pull request, so there is no merge-base to build');
  if (!buildAt) return unlike('this job does not build the targets itself');
  core.info(
    `The base sizes (${stored.source}) were built otherwise than head: ${described}; rebuilding the merge-base with head's toolchain and flags`,
  );
  const rebuilt = await buildMergeBase({ ...options, pullRequest, buildAt });
  if ('failure' in rebuilt) return unlike(`building the merge-base failed: ${rebuilt.failure}`);
  return { ...rebuilt, build: { kind: 'rebuilt', replaced: { source: stored.source, differences } } };
}

/** Finds the base Report as `base-report` says: a file; or auto: the cache, then a merge-base build. */
export async function resolveBaseReport(options: ResolveBaseOptions): Promise<BaseResolution> {
  const { setting, pullRequest, buildAt, head } = options;
  if (setting.kind === 'none') return { reason: 'base-report is none' };
  if (setting.kind === 'auto' && !pullRequest) return { reason: 'this run is not for a pull request' };
  const stored =
    setting.kind === 'file'
      ? await readReportFile(setting.path)
      : await restoreReportFromCache(pullRequest!.baseSha, options.temp, options.header);
  if (stored) return head ? likeForLike(stored, options, head) : stored;
  if (!pullRequest || !buildAt)
    return { reason: 'no report was cached for the base commit, and building it is not possible here' };
  const rebuilt = await buildMergeBase({ ...options, pullRequest, buildAt });
  if ('failure' in rebuilt)
    return { reason: `no report was cached for the base commit and building it failed (${rebuilt.failure})` };
  return rebuilt;
}
