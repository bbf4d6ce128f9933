import path from 'node:path';
import { InputError } from '../errors.js';

/**
 * Where go looks for the go.work that governs a directory, as cmd/go's modload does: `GOWORK=off` means none,
 * a GOWORK path means that file alone (`explicit`: it must exist, and must be absolute), and otherwise the
 * nearest go.work in the directory or any directory above it.
 */
export function workspaceFileCandidates(
  workingDirectory: string,
  gowork: string | undefined,
): { candidates: string[]; explicit: boolean } {
  const setting = (gowork ?? '').trim();
  if (setting === 'off') return { candidates: [], explicit: false };
  if (setting !== '') {
    if (!path.isAbsolute(setting)) {
      throw new InputError(
        'GOWORK',
        `The environment variable GOWORK is ${JSON.stringify(setting)}, which is not an absolute path (go refuses it too)`,
        'set GOWORK to the absolute path of a go.work file, to off, or leave it unset',
      );
    }
    return { candidates: [setting], explicit: true };
  }
  const candidates: string[] = [];
  for (let dir = path.resolve(workingDirectory); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'go.work'));
    if (path.dirname(dir) === dir) break;
  }
  return { candidates, explicit: false };
}

/** go.sum and go.work.sum hold module hashes, not a Go version: refused by name before they are read. */
export function checkIsVersionFile(file: string, inputName = 'go-version-file'): void {
  const base = path.basename(file);
  if (base === 'go.sum' || base === 'go.work.sum') {
    throw new InputError(
      inputName,
      `Input ${inputName} names ${file}, which holds module checksums, not a Go version`,
      'point it at a go.mod, go.work, .go-version or .tool-versions file, e.g. go.mod',
    );
  }
}
