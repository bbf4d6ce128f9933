import fc from 'fast-check';
import {
  BUILD_CACHE_BACKDATE_MS,
  BUILD_CACHE_UNUSED_MARGIN_MS,
  modCacheWalk,
  parseGoSum,
  parseModuleList,
  planBuildCachePrune,
  planModCachePrune,
  type ModCacheEntry,
} from '../src/cache/prune.js';
import { escapeModulePath } from '../src/toolchain/goproxy.js';

// A real GOMODCACHE, walked with modCacheWalk, after building a module that required
// github.com/BurntSushi/toml v1.3.2 and github.com/pkg/errors v0.9.0, then upgraded errors to v0.9.1.
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
cache/download/sumdb/
cache/lock
github.com/!burnt!sushi/toml@v1.3.2/
github.com/pkg/errors@v0.9.0/
github.com/pkg/errors@v0.9.1/
`;

// `go list -m -json all` in that module after the upgrade (real output).
const UPGRADED_BUILD_LIST = `{
	"Path": "example.com/prunefixture",
	"Main": true,
	"Dir": "/tmp/gcx/fx/m",
	"GoMod": "/tmp/gcx/fx/m/go.mod",
	"GoVersion": "1.22"
}
{
	"Path": "github.com/BurntSushi/toml",
	"Version": "v1.3.2",
	"Time": "2023-06-08T11:20:31Z",
	"Dir": "/tmp/gcx/fx/mod/github.com/!burnt!sushi/toml@v1.3.2",
	"GoMod": "/tmp/gcx/fx/mod/cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.mod",
	"GoVersion": "1.16",
	"Sum": "h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8=",
	"GoModSum": "h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ="
}
{
	"Path": "github.com/pkg/errors",
	"Version": "v0.9.1",
	"Time": "2020-01-14T19:47:44Z",
	"Dir": "/tmp/gcx/fx/mod/github.com/pkg/errors@v0.9.1",
	"GoMod": "/tmp/gcx/fx/mod/cache/download/github.com/pkg/errors/@v/v0.9.1.mod",
	"Sum": "h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=",
	"GoModSum": "h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0="
}
`;

// Real output for a module that replaces errors v0.9.1 by v0.9.0 and example.com/localerr by a directory.
const REPLACED_BUILD_LIST = `{
	"Path": "example.com/app",
	"Main": true,
	"Dir": "/tmp/gcx/fx/r/app",
	"GoMod": "/tmp/gcx/fx/r/app/go.mod",
	"GoVersion": "1.22"
}
{
	"Path": "example.com/localerr",
	"Version": "v0.0.0",
	"Replace": {
		"Path": "../localerr",
		"Dir": "/tmp/gcx/fx/r/localerr",
		"GoMod": "/tmp/gcx/fx/r/localerr/go.mod",
		"GoVersion": "1.22"
	},
	"Dir": "/tmp/gcx/fx/r/localerr",
	"GoMod": "/tmp/gcx/fx/r/localerr/go.mod",
	"GoVersion": "1.22"
}
{
	"Path": "github.com/pkg/errors",
	"Version": "v0.9.1",
	"Replace": {
		"Path": "github.com/pkg/errors",
		"Version": "v0.9.0",
		"Time": "2020-01-07T21:33:24Z",
		"Dir": "/tmp/gcx/fx/mod/github.com/pkg/errors@v0.9.0",
		"GoMod": "/tmp/gcx/fx/mod/cache/download/github.com/pkg/errors/@v/v0.9.0.mod",
		"Sum": "h1:J8lpUdobwIeCI7OiSxHqEwJUKvJwicL5+3v1oe2Yb4k=",
		"GoModSum": "h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0="
	},
	"Dir": "/tmp/gcx/fx/mod/github.com/pkg/errors@v0.9.0",
	"GoMod": "/tmp/gcx/fx/mod/cache/download/github.com/pkg/errors/@v/v0.9.0.mod"
}
`;

const UPGRADED_GO_SUM = `github.com/BurntSushi/toml v1.3.2 h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8=
github.com/BurntSushi/toml v1.3.2/go.mod h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ=
github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=
github.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
`;

function listing(text: string): ModCacheEntry[] {
  return text
    .trim()
    .split('\n')
    .map((line) => ({ path: line.replace(/\/$/, ''), isDirectory: line.endsWith('/') }));
}

/** What survives deleting `plan` (each path and everything under it) from `entries`. */
function survivors(entries: readonly ModCacheEntry[], plan: readonly string[]): string[] {
  return entries
    .map((entry) => entry.path)
    .filter((leaf) => !plan.some((gone) => leaf === gone || leaf.startsWith(`${gone}/`)));
}

describe('module cache walk', () => {
  it('enters the download tree and module path directories, and stops at module trees and sumdb', () => {
    expect(modCacheWalk('')).toBe('descend');
    expect(modCacheWalk('cache')).toBe('descend');
    expect(modCacheWalk('cache/download/github.com/pkg/errors/@v')).toBe('descend');
    expect(modCacheWalk('github.com/!burnt!sushi')).toBe('descend');
    expect(modCacheWalk('github.com/!burnt!sushi/toml@v1.3.2')).toBe('leaf');
    expect(modCacheWalk('cache/download/sumdb')).toBe('leaf');
    expect(modCacheWalk('cache/vcs')).toBe('leaf');
  });
});

describe('module cache pruning', () => {
  it('drops the version an upgrade left behind and keeps the build list, sumdb and the lock', () => {
    const entries = listing(UPGRADED_LISTING);
    const plan = planModCachePrune(entries, parseModuleList(UPGRADED_BUILD_LIST));
    expect(plan).toEqual([
      'cache/download/github.com/pkg/errors/@v/v0.9.0.info',
      'cache/download/github.com/pkg/errors/@v/v0.9.0.lock',
      'cache/download/github.com/pkg/errors/@v/v0.9.0.mod',
      'cache/download/github.com/pkg/errors/@v/v0.9.0.zip',
      'cache/download/github.com/pkg/errors/@v/v0.9.0.ziphash',
      'github.com/pkg/errors@v0.9.0',
    ]);
    const kept = survivors(entries, plan);
    expect(kept).toContain('cache/download/sumdb');
    expect(kept).toContain('cache/lock');
    expect(kept).toContain('cache/download/github.com/pkg/errors/@v/list');
    expect(kept).toContain('github.com/!burnt!sushi/toml@v1.3.2');
  });

  it('deletes a module that left the build list as whole directories, never cache/download itself', () => {
    const entries = listing(UPGRADED_LISTING);
    const onlyToml = parseModuleList(UPGRADED_BUILD_LIST).filter((module) => module.path.includes('toml'));
    expect(planModCachePrune(entries, onlyToml)).toEqual(['cache/download/github.com/pkg', 'github.com/pkg']);
    expect(planModCachePrune(entries, [])).toEqual(['cache/download/github.com', 'github.com']);
  });

  it('keeps versions go.sum names only for their go.mod, so the next run resolves the graph offline', () => {
    const entries = listing(UPGRADED_LISTING);
    const needed = [
      ...parseModuleList(UPGRADED_BUILD_LIST),
      ...parseGoSum('github.com/pkg/errors v0.9.0/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n'),
    ];
    expect(planModCachePrune(entries, needed)).toEqual([]);
  });

  it('reads the build list: main modules have no version, a replacement stands for what it replaces', () => {
    expect(parseModuleList(UPGRADED_BUILD_LIST)).toEqual([
      { path: 'github.com/BurntSushi/toml', version: 'v1.3.2' },
      { path: 'github.com/pkg/errors', version: 'v0.9.1' },
    ]);
    expect(parseModuleList(REPLACED_BUILD_LIST)).toEqual([
      { path: 'github.com/pkg/errors', version: 'v0.9.0' },
    ]);
    const plan = planModCachePrune(listing(UPGRADED_LISTING), parseModuleList(REPLACED_BUILD_LIST));
    expect(plan).toContain('github.com/pkg/errors@v0.9.1');
    expect(plan).not.toContain('github.com/pkg/errors@v0.9.0');
  });

  it('reads go.sum lines for zips and go.mod files alike', () => {
    expect(parseGoSum(UPGRADED_GO_SUM)).toEqual([
      { path: 'github.com/BurntSushi/toml', version: 'v1.3.2' },
      { path: 'github.com/BurntSushi/toml', version: 'v1.3.2' },
      { path: 'github.com/pkg/errors', version: 'v0.9.1' },
      { path: 'github.com/pkg/errors', version: 'v0.9.1' },
    ]);
  });

  it('escapes upper case the way the module cache does', () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    expect(escapeModulePath('v1.0.0-RC1')).toBe('v1.0.0-!r!c1');
  });

  it('deletes exactly the versions outside the needed set, whatever the cache holds', () => {
    const moduleName = fc.constantFrom('a.io/x', 'a.io/y', 'b.io/Z/q', 'b.io/z');
    const version = fc.constantFrom('v1.0.0', 'v1.1.0', 'v2.0.0-RC1');
    const leaf = fc.oneof(
      fc
        .tuple(moduleName, version, fc.constantFrom('info', 'mod', 'zip', 'ziphash', 'lock'))
        .map(([m, v, ext]) => ({
          path: `cache/download/${escapeModulePath(m)}/@v/${escapeModulePath(v)}.${ext}`,
          isDirectory: false,
        })),
      fc
        .tuple(moduleName, version)
        .map(([m, v]) => ({ path: `${escapeModulePath(m)}@${escapeModulePath(v)}`, isDirectory: true })),
      moduleName.map((m) => ({ path: `cache/download/${escapeModulePath(m)}/@v/list`, isDirectory: false })),
      fc.constant({ path: 'cache/download/sumdb', isDirectory: true }),
      fc.constant({ path: 'cache/lock', isDirectory: false }),
    );
    const needed = fc.array(fc.record({ path: moduleName, version }), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.uniqueArray(leaf, { selector: (entry) => entry.path, maxLength: 30 }),
        needed,
        (entries, want) => {
          const plan = planModCachePrune(entries, want);
          const kept = new Set(survivors(entries, plan));
          const keepVersions = new Set(
            want.map((m) => `${escapeModulePath(m.path)}@${escapeModulePath(m.version)}`),
          );
          const keepModules = new Set(want.map((m) => escapeModulePath(m.path)));
          for (const entry of entries) {
            const download = /^cache\/download\/(.+)\/@v\/(.+?)(\.(info|mod|zip|ziphash|lock))?$/.exec(
              entry.path,
            );
            const tree = /^([^@]+)@([^/]+)$/.exec(entry.path);
            let shouldKeep = true;
            if (download?.[3]) shouldKeep = keepVersions.has(`${download[1]}@${download[2]}`);
            else if (download) shouldKeep = keepModules.has(download[1] as string);
            else if (tree) shouldKeep = keepVersions.has(entry.path);
            expect(kept.has(entry.path)).toBe(shouldKeep);
          }
          expect(plan.every((gone) => gone !== 'cache' && gone !== 'cache/download')).toBe(true);
        },
      ),
    );
  });
});

describe('build cache pruning', () => {
  it('deletes entries whose mtime is still the backdated one, and nothing outside the entry directories', () => {
    const restoredAt = Date.parse('2025-06-01T10:00:00Z');
    const backdated = restoredAt - BUILD_CACHE_BACKDATE_MS;
    const unusedBefore = backdated + BUILD_CACHE_UNUSED_MARGIN_MS;
    const files = [
      { path: '0a/0a1b2c-a', mtimeMs: backdated },
      { path: '0a/0a1b2c-d', mtimeMs: backdated },
      { path: '3f/3f9e8d-a', mtimeMs: restoredAt + 5_000 },
      { path: '3f/3f9e8d-d', mtimeMs: restoredAt + 5_000 },
      { path: 'c4/c4aaaa-a', mtimeMs: restoredAt + 60_000 },
      { path: 'README', mtimeMs: backdated },
      { path: 'trim.txt', mtimeMs: backdated },
      { path: 'fuzz/example.com/m/FuzzX/corpus1', mtimeMs: backdated },
    ];
    expect(planBuildCachePrune(files, unusedBefore)).toEqual(['0a/0a1b2c-a', '0a/0a1b2c-d']);
  });
});
