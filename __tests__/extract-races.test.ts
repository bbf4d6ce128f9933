// Extraction races that only show against real archives and real file systems: entries whose directories are
// still being created when the archive's last entry has been read.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashModuleZip } from '../src/io/toolchain/dirhash.js';
import { extractZip } from '../src/io/toolchain/extract-zip.js';
import { buildZip, type ZipEntrySpec } from '../test/support/archives.js';
import { recordCase } from '../test/support/suite-counts.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'extract-races-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('extractZip and the end of the archive', () => {
  it('writes last entries whose directories are still being created when the archive is read to its end', async () => {
    recordCase('fault', 'extract zip: last entries land in directories still being created');
    // A recursive mkdir this deep takes one thread-pool round trip per level, so the archive's end (one
    // setImmediate after its last entry) always comes first: with yauzl's auto-close the zip was closed by then.
    const deep = Array.from({ length: 24 }, (_, level) => `d${level}`).join('/');
    const entries: ZipEntrySpec[] = [
      { name: 'go/README', data: 'first\n' },
      { name: `go/${deep}/a.txt`, data: 'a\n' },
      { name: `go/${deep}/b/c.txt`, data: 'c\n' },
    ];
    const zipPath = path.join(root, 'late-directories.zip');
    await writeFile(zipPath, buildZip(entries));
    const destination = path.join(root, 'out');
    const result = await extractZip({
      zipPath,
      destination,
      topDirectory: 'go',
      maxExtractedBytes: 1024 * 1024,
      moduleFixups: false,
      moduleHash: true,
    });
    expect(result.files).toBe(3);
    // Every entry was hashed, the late ones too.
    expect(result.h1).toBe(await hashModuleZip(zipPath));
    expect(await readFile(path.join(destination, deep, 'a.txt'), 'utf8')).toBe('a\n');
    expect(await readFile(path.join(destination, deep, 'b', 'c.txt'), 'utf8')).toBe('c\n');
  });
});
