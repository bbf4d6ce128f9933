import fc from 'fast-check';
import {
  BUILD_CACHE_BACKDATE_MS,
  parseGoSum,
  selectBuildCache,
  selectModCache,
  type CacheFile,
} from '../src/core/cache/prune.js';
import { escapeModulePath } from '../src/core/toolchain/goproxy.js';

// The download tree of a real GOMODCACHE after building a module that required github.com/BurntSushi/toml v1.3.2
// and github.com/pkg/errors v0.9.0, then upgraded errors to v0.9.1 (sumdb entries as go writes them).
const UPGRADED_LISTING = `
cache/download/github.com/!burnt!sushi/toml/@v/list
cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.info
cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.lock
cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.mod
cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.zip
cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.ziphash
cache/download/github.com/pkg/errors/@v/list
cache/download/github.com/pkg/errors/@v/v0.9.0.info
cache/download/github.com/pkg/errors/@v/v0.9.0.lock
cache/download/github.com/pkg/errors/@v/v0.9.0.mod
cache/download/github.com/pkg/errors/@v/v0.9.0.zip
cache/download/github.com/pkg/errors/@v/v0.9.0.ziphash
cache/download/github.com/pkg/errors/@v/v0.9.1.info
cache/download/github.com/pkg/errors/@v/v0.9.1.lock
cache/download/github.com/pkg/errors/@v/v0.9.1.mod
cache/download/github.com/pkg/errors/@v/v0.9.1.zip
cache/download/github.com/pkg/errors/@v/v0.9.1.ziphash
cache/download/sumdb/sum.golang.org/lookup/github.com/!burnt!sushi/toml@v1.3.2
cache/download/sumdb/sum.golang.org/lookup/github.com/pkg/errors@v0.9.0
cache/download/sumdb/sum.golang.org/lookup/github.com/pkg/errors@v0.9.1
cache/download/sumdb/sum.golang.org/tile/8/0/x089/123
cache/download/sumdb/sum.golang.org/tile/8/1/347
`;

const UPGRADED_GO_SUM = `github.com/BurntSushi/toml v1.3.2 h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8=
github.com/BurntSushi/toml v1.3.2/go.mod h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ=
github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=
github.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
`;

function listing(text: string): CacheFile[] {
  return text
    .trim()
    .split('\n')
    .map((line) => ({ path: line, sizeBytes: 100, mtimeMs: 0 }));
}

describe('go.sum', () => {
  it('tells the versions whose zip it pins from those it pins only by go.mod', () => {
    expect(parseGoSum(UPGRADED_GO_SUM + 'golang.org/x/text v0.3.0/go.mod h1:abc=\n\nnot a line\n')).toEqual({
      zips: [
        { path: 'github.com/BurntSushi/toml', version: 'v1.3.2' },
        { path: 'github.com/pkg/errors', version: 'v0.9.1' },
      ],
      goMods: [
        { path: 'github.com/BurntSushi/toml', version: 'v1.3.2' },
        { path: 'github.com/pkg/errors', version: 'v0.9.1' },
        { path: 'golang.org/x/text', version: 'v0.3.0' },
      ],
    });
  });
});

describe('the module-cache entry', () => {
  it('holds the zips, go.mod, info and ziphash files and sumdb records go.sum names, and leaves the rest out', () => {
    const selection = selectModCache(listing(UPGRADED_LISTING), [parseGoSum(UPGRADED_GO_SUM)]);
    expect(selection.paths).toEqual([
      'cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.info',
      'cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.mod',
      'cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.zip',
      'cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.ziphash',
      'cache/download/github.com/pkg/errors/@v/v0.9.1.info',
      'cache/download/github.com/pkg/errors/@v/v0.9.1.mod',
      'cache/download/github.com/pkg/errors/@v/v0.9.1.zip',
      'cache/download/github.com/pkg/errors/@v/v0.9.1.ziphash',
      'cache/download/sumdb/sum.golang.org/lookup/github.com/!burnt!sushi/toml@v1.3.2',
      'cache/download/sumdb/sum.golang.org/lookup/github.com/pkg/errors@v0.9.1',
      'cache/download/sumdb/sum.golang.org/tile/8/0/x089/123',
      'cache/download/sumdb/sum.golang.org/tile/8/1/347',
    ]);
    expect(selection.bytes).toBe(12 * 100);
    expect(selection.modulesKept).toBe(2);
    expect(selection.modulesLeftOut).toBe(1);
  });

  it('keeps only the go.mod and info of a version go.sum pins by its go.mod alone', () => {
    const onlyGoMod = parseGoSum(
      'github.com/pkg/errors v0.9.0/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n',
    );
    expect(selectModCache(listing(UPGRADED_LISTING), [onlyGoMod]).paths).toEqual([
      'cache/download/github.com/pkg/errors/@v/v0.9.0.info',
      'cache/download/github.com/pkg/errors/@v/v0.9.0.mod',
      'cache/download/sumdb/sum.golang.org/lookup/github.com/pkg/errors@v0.9.0',
      'cache/download/sumdb/sum.golang.org/tile/8/0/x089/123',
      'cache/download/sumdb/sum.golang.org/tile/8/1/347',
    ]);
  });

  it('holds nothing of a module without go.sum (no requirements) but the shared sumdb tiles', () => {
    const selection = selectModCache(listing(UPGRADED_LISTING), []);
    expect(selection.paths.every((file) => file.includes('/tile/'))).toBe(true);
    expect(selection.modulesKept).toBe(0);
    expect(selection.modulesLeftOut).toBe(3);
  });

  it('escapes upper case the way the module cache does', () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    expect(escapeModulePath('v1.0.0-RC1')).toBe('v1.0.0-!r!c1');
  });

  it('holds exactly the files of the versions go.sum names, whatever the cache holds', () => {
    const moduleName = fc.constantFrom('a.io/x', 'a.io/y', 'b.io/Z/q', 'b.io/z');
    const version = fc.constantFrom('v1.0.0', 'v1.1.0', 'v2.0.0-RC1');
    const file = fc.oneof(
      fc
        .tuple(moduleName, version, fc.constantFrom('info', 'mod', 'zip', 'ziphash', 'lock', 'partial'))
        .map(([m, v, ext]) => `cache/download/${escapeModulePath(m)}/@v/${escapeModulePath(v)}.${ext}`),
      moduleName.map((m) => `cache/download/${escapeModulePath(m)}/@v/list`),
      fc
        .tuple(moduleName, version)
        .map(
          ([m, v]) =>
            `cache/download/sumdb/sum.golang.org/lookup/${escapeModulePath(m)}@${escapeModulePath(v)}`,
        ),
    );
    const pinned = fc.array(fc.record({ path: moduleName, version }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(file, { maxLength: 30 }), pinned, pinned, (paths, zips, goMods) => {
        const files = paths.map((path) => ({ path, sizeBytes: 1, mtimeMs: 0 }));
        const kept = new Set(selectModCache(files, [{ zips, goMods }]).paths);
        const id = (m: { path: string; version: string }) =>
          `${escapeModulePath(m.path)}@${escapeModulePath(m.version)}`;
        const zipIds = new Set(zips.map(id));
        const anyIds = new Set([...zips, ...goMods].map(id));
        for (const path of paths) {
          const download = /^cache\/download\/(.+)\/@v\/(.+)\.(info|mod|zip|ziphash|lock|partial)$/.exec(
            path,
          );
          const lookup = /^cache\/download\/sumdb\/sum\.golang\.org\/lookup\/(.+)$/.exec(path);
          let expected = false;
          if (download) {
            const versionId = `${download[1]}@${download[2]}`;
            if (download[3] === 'zip' || download[3] === 'ziphash') expected = zipIds.has(versionId);
            else if (download[3] === 'mod' || download[3] === 'info') expected = anyIds.has(versionId);
          } else if (lookup) {
            expected = anyIds.has(lookup[1] as string);
          }
          expect([path, kept.has(path)]).toEqual([path, expected]);
        }
      }),
    );
  });
});

describe('the build-cache entry', () => {
  it('holds the entry files this run used or wrote, and counts the restored ones it did not use', () => {
    const started = Date.parse('2025-06-01T10:00:00Z');
    const backdated = started - BUILD_CACHE_BACKDATE_MS;
    const file = (path: string, mtimeMs: number): CacheFile => ({ path, sizeBytes: 10, mtimeMs });
    const files = [
      file('0a/0a1b2c-a', backdated),
      file('0a/0a1b2c-d', backdated),
      file('3f/3f9e8d-a', started + 5_000),
      file('3f/3f9e8d-d', started + 5_000),
      file('c4/c4aaaa-a', started + 60_000),
      // The runner's own, from another job 30 minutes ago: not bumped by go, so not known to be used.
      file('77/77bbbb-a', started - 30 * 60_000),
      file('README', started + 1),
      file('trim.txt', started + 1),
      file('fuzz/example.com/m/FuzzX/corpus1', started + 1),
    ];
    const none = new Set<string>();
    expect(
      selectBuildCache(files, started, { backdatedTo: backdated, files: 4, alreadyPresent: none }),
    ).toEqual({
      paths: ['3f/3f9e8d-a', '3f/3f9e8d-d', 'c4/c4aaaa-a'],
      bytes: 30,
      leftOut: 3,
      restoredUsed: 2,
    });
    expect(selectBuildCache(files, started, null).restoredUsed).toBeNull();
    // On a self-hosted runner the restore skips files the runner has; one of them used within the hour before
    // the run keeps its mtime, so it stays in the entry. An older one go would have re-dated: not used.
    const present = new Set(['77/77bbbb-a', '0a/0a1b2c-a']);
    const selfHosted = selectBuildCache(files, started, {
      backdatedTo: backdated,
      files: 0,
      alreadyPresent: present,
    });
    expect(selfHosted.paths).toEqual(['3f/3f9e8d-a', '3f/3f9e8d-d', '77/77bbbb-a', 'c4/c4aaaa-a']);
    expect(selfHosted.restoredUsed).toBeNull();
  });
});
