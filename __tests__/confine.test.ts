// Paths confined to the workspace, on a real file system: a directory still to be made beside a toolchain is fine;
// one that is, holds or lies inside the toolchain is not.
import { mkdir, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { confinedDirectory } from '../src/io/platform/confine.js';
import { InputError } from '../src/core/errors.js';

let workspace: string;
let toolchain: string;
beforeEach(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'confine-'));
  // The demo's layout: the tool cache and the binaries under one folder of the workspace.
  toolchain = path.join(workspace, '.demo', 'toolcache', 'go', '1.25.4', 'x64');
  await mkdir(toolchain, { recursive: true });
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const options = () => ({ input: 'output-dir', roots: [workspace], forbidden: [toolchain] });

describe('confinedDirectory', () => {
  it('makes a directory that sits beside the toolchain, under a parent they share', async () => {
    const made = await confinedDirectory(path.join(workspace, '.demo', 'bin'), options());
    expect(made).toBe(path.join(workspace, '.demo', 'bin'));
    expect((await stat(made)).isDirectory()).toBe(true);
  });

  it.each([
    ['a parent of the toolchain', ['.demo']],
    ['the toolchain itself', ['.demo', 'toolcache', 'go', '1.25.4', 'x64']],
    ['a directory yet to be made inside it', ['.demo', 'toolcache', 'go', '1.25.4', 'x64', 'pkg', 'new']],
  ])('refuses %s', async (_case, parts) => {
    await expect(confinedDirectory(path.join(workspace, ...parts), options())).rejects.toThrow(InputError);
  });

  it('refuses a link that leads a new directory into the toolchain', async () => {
    await symlink(path.join(toolchain, 'pkg'), path.join(workspace, 'dist'));
    await mkdir(path.join(toolchain, 'pkg'));
    await expect(confinedDirectory(path.join(workspace, 'dist', 'tool'), options())).rejects.toThrow(
      /holds or is inside the toolchain/,
    );
  });
});
