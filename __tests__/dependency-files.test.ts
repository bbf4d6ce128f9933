// What a pull request can commit where the cache key's dependency files are looked for: links out of the
// workspace, a go.sum that is a device, a go.sum too large to be one.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dependencyFilesFor, MAX_DEPENDENCY_FILE_BYTES } from '../src/io/cache/go-caches.js';
import { parseGoSum, selectModCache } from '../src/core/cache/prune.js';
import { InputError } from '../src/core/errors.js';
import { recordCase } from '../test/support/suite-counts.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dependency-files-'));
  await writeFile(path.join(work, 'go.sum'), 'example.com/m v1.0.0 h1:AAAA=\n');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('dependency files for the cache key', () => {
  it('does not follow a committed link to / through the default **/go.sum glob', async () => {
    recordCase('attack', 'cache: a rootfs -> / link is not walked by the dependency glob');
    await symlink('/', path.join(work, 'rootfs'));
    const started = Date.now();
    const files = await dependencyFilesFor('', work);
    expect(files.map((file) => file.path)).toEqual(['go.sum']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('leaves out a go.sum that is a link to a device, instead of reading it forever', async () => {
    recordCase('attack', 'cache: go.sum -> /dev/zero is left out of the key');
    await mkdir(path.join(work, 'sub'));
    await symlink('/dev/zero', path.join(work, 'sub', 'go.sum'));
    const files = await dependencyFilesFor('', work);
    expect(files.map((file) => file.path)).toEqual(['go.sum']);
  });

  it('refuses a dependency file larger than any go.sum, naming the input', async () => {
    recordCase('attack', 'cache: an oversized go.sum is refused');
    await mkdir(path.join(work, 'big'));
    const big = path.join(work, 'big', 'go.sum');
    await writeFile(big, '');
    await truncate(big, MAX_DEPENDENCY_FILE_BYTES + 1);
    const error = await dependencyFilesFor('', work).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('cache-dependency-path');
    expect((error as Error).message).toContain('big/go.sum');
  });

  it('takes a go.sum of 300,000 lines for the key and for the saved module selection', async () => {
    recordCase('attack', 'cache: a go.sum of 300,000 lines');
    const modules = 150_000;
    const hash = `h1:${Buffer.alloc(32, 1).toString('base64')}`;
    const lines: string[] = [];
    const cacheFiles: { path: string; sizeBytes: number; mtimeMs: number }[] = [];
    for (let i = 0; i < modules; i++) {
      lines.push(`example.com/m${i} v1.0.${i} ${hash}`, `example.com/m${i} v1.0.${i}/go.mod ${hash}`);
      for (const extension of ['zip', 'lock'])
        cacheFiles.push({
          path: `cache/download/example.com/m${i}/@v/v1.0.${i}.${extension}`,
          sizeBytes: 1,
          mtimeMs: 0,
        });
    }
    const text = lines.join('\n') + '\n';
    await writeFile(path.join(work, 'go.sum'), text);

    const [file] = await dependencyFilesFor('', work);
    expect(file?.path).toBe('go.sum');
    expect(file?.sha256).toBe(createHash('sha256').update(text).digest('hex'));

    const selection = selectModCache(cacheFiles, [
      parseGoSum(await readFile(path.join(work, 'go.sum'), 'utf8')),
    ]);
    expect(selection.modulesKept).toBe(modules);
    expect(selection.modulesLeftOut).toBe(0);
    // The zips, not the lock files, which go.sum never vouches for.
    expect(selection.paths).toHaveLength(modules);
  });
});
