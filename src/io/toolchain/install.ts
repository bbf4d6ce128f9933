import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Written inside a toolchain directory before it is renamed into place, so a directory at the final path is
 * complete by construction: a rename either happened whole or not at all.
 */
export const INSTALL_MARKER = '.setup-go-arm64-installed.json';

export interface ToolchainSlot {
  toolCache: string;
  /** Version as the tool cache names it (semver, e.g. 1.25.4 or 1.23.0-rc.2). */
  version: string;
  /** Tool cache architecture folder (x64, arm64). */
  arch: string;
}

export function toolchainDir(slot: ToolchainSlot): string {
  return path.join(slot.toolCache, 'go', slot.version, slot.arch);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * An installed toolchain at the slot: ours (marker inside) or one a runner image put there the tool-cache way
 * (`<arch>.complete` beside it). A directory with neither is a leftover, not an install.
 */
export async function findInstalledToolchain(slot: ToolchainSlot): Promise<string | undefined> {
  const dir = toolchainDir(slot);
  if (!(await exists(path.join(dir, 'bin')))) return undefined;
  if (await exists(path.join(dir, INSTALL_MARKER))) return dir;
  if (await exists(`${dir}.complete`)) return dir;
  return undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Work directories beside a slot, named with the pid of the process that owns them. */
const STAGING = /^\.(.+)\.(?:staging|leftover)-(\d+)-[0-9a-f]+$/;

function workDirName(slot: ToolchainSlot, kind: 'staging' | 'leftover'): string {
  return `.${slot.arch}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Removes staging directories left by installs that were killed (their process is gone). */
export async function removeAbandonedStaging(slot: ToolchainSlot): Promise<string[]> {
  const parent = path.dirname(toolchainDir(slot));
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = STAGING.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export interface InstallResult {
  goroot: string;
  /** False when another install of the same slot won the rename; its copy is used. */
  installedByUs: boolean;
}

/** Rename errors that mean "something is already there" (Windows reports a non-empty target as EPERM). */
const TARGET_EXISTS = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'EBUSY']);
/** Windows: a scanner or indexer holding a file open makes a directory rename fail for a moment. */
const RENAME_ATTEMPTS = 5;

/**
 * A directory at the final path without a marker was never completed by an install of ours (nor is it a
 * tool-cache one): it is moved aside in one rename, so the path never holds half of it, then deleted.
 */
async function clearUnfinished(slot: ToolchainSlot): Promise<void> {
  const finalDir = toolchainDir(slot);
  if (!(await exists(finalDir)) || (await findInstalledToolchain(slot))) return;
  const aside = path.join(path.dirname(finalDir), workDirName(slot, 'leftover'));
  try {
    await rename(finalDir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/**
 * Installs a toolchain atomically: `populate` fills a staging directory beside the final one (same file
 * system), then one rename puts it in place. A failure or kill leaves the slot empty, never half-written (a
 * later install removes the dead process's staging directory); two installs racing for one slot both succeed
 * and leave one good copy; a directory at the final path without a marker is replaced, never used.
 */
export async function installAtomically(
  slot: ToolchainSlot,
  provenance: Record<string, unknown>,
  populate: (stagingDir: string) => Promise<void>,
): Promise<InstallResult> {
  const finalDir = toolchainDir(slot);
  const parent = path.dirname(finalDir);
  await mkdir(parent, { recursive: true });
  await removeAbandonedStaging(slot);

  const staging = path.join(parent, workDirName(slot, 'staging'));
  try {
    await populate(staging);
    await writeFile(path.join(staging, INSTALL_MARKER), JSON.stringify(provenance, null, 2));
    for (let attempt = 1; ; attempt++) {
      await clearUnfinished(slot);
      try {
        await rename(staging, finalDir);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!TARGET_EXISTS.has(code)) throw error;
        if (await findInstalledToolchain(slot)) {
          await rm(staging, { recursive: true, force: true });
          return { goroot: finalDir, installedByUs: false };
        }
        if (attempt === RENAME_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    // The tool-cache convention, so actions/tool-cache's find() and other setup actions see it as well.
    await writeFile(`${finalDir}.complete`, '');
    return { goroot: finalDir, installedByUs: true };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
