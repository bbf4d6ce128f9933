// Which Go version a run asks for, decided as go decides it: the go-version input, else go-version-file, else
// go.work (GOWORK honoured) and go.mod, else stable. Reads only files inside the workspace.
import * as core from '../io/log.js';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { InputError } from '../core/errors.js';
import { confinedFile } from '../io/platform/confine.js';
import { parseVersionFile } from '../core/version/files.js';
import { parseVersionSpec, type VersionSpec } from '../core/version/spec.js';
import { checkSupportedVersion, plainSpecLine } from '../core/version/support.js';
import { checkIsVersionFile, workspaceFileCandidates } from '../core/version/workspace.js';

/**
 * A version file's text, or undefined when there is none. A pull request may commit it as a symlink: one that
 * leaves the workspace (a credentials file) or names no regular file (/dev/zero) is refused, never read.
 */
async function readOptionalFile(file: string, input: string, workspace: string): Promise<string | undefined> {
  if (!(await lstat(file).catch(() => undefined))) return undefined;
  return readFile(await confinedFile(file, { input, roots: [workspace] }), 'utf8');
}

/** Which spec applies and what decided it: the go-version input, a version file, go.work/go.mod, or stable. */
export interface VersionDecision {
  spec: VersionSpec;
  decidedBy: string;
  /** The input or file that holds the version, for messages about it. */
  inputName: string;
  /** The text as the input or file gave it (`1.2`), for the YAML float hint. */
  asWritten?: string;
}

/**
 * Decides the spec. go.work is found as go finds it (GOWORK from `env`: off, a path, or the nearest go.work at
 * or above working-directory), and a workspace's version wins over its member module's go.mod, as in go. A
 * plain version older than the action supports is refused here, before any index is fetched.
 */
export async function decideVersionSpec(
  config: Config,
  workspace: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<VersionDecision> {
  const building = config.targets.length > 0;
  if (config.goVersion) {
    if (config.goVersionFile) core.warning('Both go-version and go-version-file are set; go-version wins.');
    const decision = {
      spec: parseVersionSpec(config.goVersion, 'go-version'),
      decidedBy: `input go-version: ${config.goVersion}`,
      inputName: 'go-version',
      asWritten: config.goVersion,
    };
    checkPlainSpec(config.goVersion, decision, building);
    return decision;
  }
  if (config.goVersionFile) checkIsVersionFile(path.relative(workspace, config.goVersionFile));
  const work = config.goVersionFile
    ? { candidates: [], explicit: false }
    : workspaceFileCandidates(config.workingDirectory, env.GOWORK);
  const candidates = config.goVersionFile
    ? [config.goVersionFile]
    : [...work.candidates, path.join(config.workingDirectory, 'go.mod')];
  const fromFile = await firstVersionFile(candidates, work, config, workspace);
  if (fromFile) return fromFile;
  if (config.goVersionFile) {
    throw new InputError(
      'go-version-file',
      `Input go-version-file names ${config.goVersionFile}, which does not exist`,
      'point it at a go.mod, go.work, .go-version or .tool-versions file, relative to the workspace',
    );
  }
  return {
    spec: { kind: 'alias', alias: 'stable' },
    decidedBy: 'no go-version, go-version-file, go.work or go.mod: stable',
    inputName: 'go-version',
  };
}

/** The first candidate file that exists and names a version, as go reads them; undefined when none exists. */
async function firstVersionFile(
  candidates: string[],
  work: { candidates: string[]; explicit: boolean },
  config: Config,
  workspace: string,
): Promise<VersionDecision | undefined> {
  for (const file of candidates) {
    const text = await readOptionalFile(
      file,
      config.goVersionFile ? 'go-version-file' : path.basename(file),
      workspace,
    );
    if (text === undefined) {
      if (work.explicit && file === work.candidates[0]) {
        throw new InputError(
          'GOWORK',
          `The environment variable GOWORK names ${file}, which does not exist (go would fail to load the workspace)`,
          'set GOWORK to an existing go.work file, to off, or leave it unset',
        );
      }
      continue;
    }
    // Named relative to the workspace, so messages and annotations point at the file in the repository.
    const requirement = parseVersionFile(path.relative(workspace, file).split(path.sep).join('/'), text);
    const decision = {
      spec: parseVersionSpec(requirement.spec, path.basename(file)),
      decidedBy: requirement.source,
      inputName: path.basename(file),
    };
    checkPlainSpec(requirement.spec, decision, config.targets.length > 0);
    return decision;
  }
  return undefined;
}

/** Refuses a plain spec (`1.2`, `1.16.x`) whose whole line is older than the action supports. */
function checkPlainSpec(text: string, decision: VersionDecision, building: boolean): void {
  const line = plainSpecLine(text);
  if (line) {
    checkSupportedVersion(line, {
      from: decision.decidedBy,
      inputName: decision.inputName,
      building,
      ...(decision.asWritten !== undefined ? { asWritten: decision.asWritten } : {}),
    });
  }
}
