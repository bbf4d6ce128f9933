import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  isBuildableGoFile,
  isPackagePattern,
  isRelativeEntry,
  noMainPackageError,
  packageClauseName,
  patternMatcher,
  patternWalkRoot,
  walkSkipsDirectory,
} from '../core/build/patterns.js';
import { dependencyFilesFor } from '../io/cache/go-caches.js';
import type { Config } from '../core/config.js';
import { InputError } from '../core/errors.js';
import { parseGoSumLine } from '../core/toolchain/module-hash.js';
import type { SizeCommentInputs } from './size-comment.js';

async function kindOf(file: string): Promise<'directory' | 'file' | 'missing'> {
  try {
    return (await stat(file)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Whether a directory holds a Go file whose package clause says main (build constraints are go list's job). */
async function holdsMainPackage(dir: string, files: string[]): Promise<boolean> {
  for (const file of files.filter(isBuildableGoFile)) {
    const source = await readFile(path.join(dir, file), 'utf8').catch(() => '');
    if (packageClauseName(source) === 'main') return true;
  }
  return false;
}

/**
 * Walks a relative pattern's directories as go's `...` does (no symbolic links, no testdata, `.` or `_` names,
 * nor other modules' directories) until one matching the pattern holds a main package; none is an InputError,
 * made before anything is downloaded. The toolchain's `go list` later gives the exact list.
 */
async function checkPatternHasMain(pattern: string, workingDirectory: string): Promise<void> {
  const root = path.resolve(workingDirectory, patternWalkRoot(pattern));
  if ((await kindOf(root)) !== 'directory') {
    throw noMainPackageError(pattern, `${patternWalkRoot(pattern)} is not a directory of working-directory`);
  }
  const matches = patternMatcher(pattern);
  const queue = [root];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    if (dir !== workingDirectory && files.includes('go.mod')) continue;
    const relative = path.relative(workingDirectory, dir).split(path.sep).join('/') || '.';
    if (matches(relative) && (await holdsMainPackage(dir, files))) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !walkSkipsDirectory(entry.name)) queue.push(path.join(dir, entry.name));
    }
  }
  throw noMainPackageError(
    pattern,
    `no Go file under ${path.relative(workingDirectory, root) || '.'} says package main`,
  );
}

/**
 * The checks readConfig cannot make without the file system (and the toolchain-sum line, parsed by the module
 * that hashes zips), made before anything is downloaded: the directories and files inputs name are there, and
 * the ones the action writes are not the wrong kind of thing.
 */
export async function checkInputsBeforeSetup(
  config: Config,
  sizeInputs: SizeCommentInputs,
  workspace: string,
): Promise<void> {
  const shown = (file: string) => path.relative(workspace, file) || '.';
  if (config.toolchainSum) parseGoSumLine(config.toolchainSum);
  if (!config.mergeReports) {
    if ((await kindOf(config.workingDirectory)) !== 'directory') {
      throw new InputError(
        'working-directory',
        `Input working-directory is ${shown(config.workingDirectory)}, which is not a directory in the workspace`,
        'name the directory of your Go module relative to the workspace, e.g. . or services/api',
      );
    }
    if (config.targets.length > 0) {
      for (const entry of config.packages.filter((p) => isPackagePattern(p) && isRelativeEntry(p))) {
        await checkPatternHasMain(entry, config.workingDirectory);
      }
    }
    if (config.cache) await dependencyFilesFor(config.cacheDependencyPath, config.workingDirectory);
    if (config.targets.length > 0 && (await kindOf(config.outputDir)) === 'file') {
      throw new InputError(
        'output-dir',
        `Input output-dir is ${shown(config.outputDir)}, which is a file, not a directory`,
        'name a directory for the binaries, e.g. dist',
      );
    }
  }
  if (config.reportFile && (await kindOf(config.reportFile)) === 'directory') {
    throw new InputError(
      'report-file',
      `Input report-file is ${shown(config.reportFile)}, which is a directory`,
      'name the file to write, e.g. reports/size.json',
    );
  }
  const { baseReport, comment } = sizeInputs;
  if (baseReport.kind === 'file' && comment.mode !== 'off' && (await kindOf(baseReport.path)) !== 'file') {
    throw new InputError(
      'base-report',
      `Input base-report names ${shown(baseReport.path)}, which is not a file`,
      'give the path of a report file written by this action (its report-file output), or auto, or none',
    );
  }
}
