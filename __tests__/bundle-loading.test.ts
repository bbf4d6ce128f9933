// The setup entry loads the cache client and octokit only when a run needs them: neither is in what node
// compiles before the first log line, and both are in chunks the entry can still reach.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleClosure } from '../test/support/bundle-closure.js';

const root = path.resolve(import.meta.dirname, '..');
const ENTRIES = ['setup', 'post', 'comment'];
/** esbuild's comment above each bundled module names its file: `// node_modules/@actions/cache/lib/cache.js`. */
const modulesOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((m) => m[1]);
const packagesIn = (files: string[], packagePrefix: string) =>
  files.flatMap(modulesOf).filter((module) => module?.startsWith(`node_modules/${packagePrefix}`));

describe('dist/', () => {
  it.each(ENTRIES)('%s: every chunk the entry names is in dist/', async (entry) => {
    const closure = await bundleClosure(path.join(root, 'dist', entry, 'index.js'));
    const missing = [...closure.atStart, ...closure.onDemand].filter((file) => !existsSync(file));
    expect(missing).toEqual([]);
  });

  it('the setup entry loads @actions/cache (and its Azure client) and octokit only on demand', async () => {
    const closure = await bundleClosure(path.join(root, 'dist', 'setup', 'index.js'));
    for (const prefix of ['@actions/cache/', '@azure/', '@octokit/', '@actions/github/']) {
      expect({ prefix, atStart: packagesIn(closure.atStart, prefix) }).toEqual({ prefix, atStart: [] });
      expect(packagesIn(closure.onDemand, prefix).length).toBeGreaterThan(0);
    }
    // The toolchain install itself is loaded at start: its HTTP client and archive readers are there.
    expect(packagesIn(closure.atStart, 'yauzl/').length).toBeGreaterThan(0);
    expect(packagesIn(closure.atStart, 'tar/').length).toBeGreaterThan(0);
  });

  it.each(ENTRIES)(
    '%s: undici is parsed only when a fetch or a proxy agent first needs it',
    async (entry) => {
      const closure = await bundleClosure(path.join(root, 'dist', entry, 'index.js'));
      const everything = [...closure.atStart, ...closure.onDemand];
      expect(packagesIn(everything, 'undici/')).toEqual([]);
      // The one copy sits in a CommonJS file of its own, with the names the toolkit imports.
      const undici = createRequire(import.meta.url)(
        path.join(root, 'dist', 'chunks', 'undici.cjs'),
      ) as Record<string, unknown>;
      expect([typeof undici.ProxyAgent, typeof undici.fetch]).toEqual(['function', 'function']);
    },
  );
});
