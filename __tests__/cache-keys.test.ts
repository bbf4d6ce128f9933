import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyFilePatterns } from '../src/core/cache/dependency-paths.js';
import { parseCacheSave } from '../src/core/cache/inputs.js';
import {
  cacheOutputs,
  combineCacheHits,
  describeKeyDifference,
  entryHit,
  explainKeyDifference,
  sameKey,
} from '../src/core/cache/key-match.js';
import {
  buildFlagsDigest,
  digestDependencyFiles,
  planGoCaches,
  targetsDigest,
  type BuildKeyFlags,
  type CachePlanInput,
} from '../src/core/cache/keys.js';
import { InputError } from '../src/core/errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const helloSum = readFileSync(path.join(root, 'examples/hello/go.sum'), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const FLAGS: BuildKeyFlags = { cgo: false, trimpath: true, tags: [], buildFlags: [], env: {} };

function input(overrides: Partial<CachePlanInput> = {}): CachePlanInput {
  return {
    cache: true,
    cacheBuild: true,
    cacheSave: 'auto',
    keyPrefix: 'setup-go-arm64',
    runnerOs: 'Linux',
    goHostArch: 'arm64',
    goVersion: '1.22.5',
    targets: ['linux/arm64', 'darwin/arm64'],
    flags: FLAGS,
    runStamp: '9876.1',
    workingDirectory: '/home/runner/work/app',
    dependencyFiles: [{ path: 'go.sum', sha256: sha256(helloSum) }],
    sumFiles: ['/home/runner/work/app/go.sum'],
    modCacheDir: '/home/runner/go/pkg/mod',
    buildCacheDir: '/home/runner/.cache/go-build',
    stagingDir: '/tmp/setup-go-arm64-cache',
    ...overrides,
  };
}

/** Would the cache service hand entry `saved` to a restore asking with `plan`'s key and restore keys? */
function couldRestore(saved: string, keys: readonly string[]): boolean {
  return keys.some((key) => saved.startsWith(key));
}

describe('cache keys', () => {
  it('names OS, GOHOSTARCH and the go.sum hash for modules, plus Go version, flags and targets for builds', () => {
    const plan = planGoCaches(input());
    const hash = digestDependencyFiles([{ path: 'go.sum', sha256: sha256(helloSum) }]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const targets = targetsDigest(['linux/arm64', 'darwin/arm64']);
    expect(targets).toMatch(/^t2\.[0-9a-f]{8}$/);
    const flags = buildFlagsDigest(FLAGS);
    expect(flags).toMatch(/^cgo0\.trim1\.[0-9a-f]{8}$/);
    const modKey = `setup-go-arm64-mod-Linux-arm64-${hash}`;
    const buildKey = `setup-go-arm64-build-Linux-arm64-go1.22.5-${flags}-${targets}-${hash}`;
    expect(
      plan.entries.map(({ kind, key, lookupKey, saveKey, restoreKeys, cacheDir }) => ({
        kind,
        key,
        lookupKey,
        saveKey,
        restoreKeys,
        cacheDir,
      })),
    ).toEqual([
      {
        kind: 'mod',
        key: modKey,
        lookupKey: modKey,
        saveKey: modKey,
        restoreKeys: ['setup-go-arm64-mod-Linux-arm64-'],
        cacheDir: '/home/runner/go/pkg/mod',
      },
      {
        kind: 'build',
        key: buildKey,
        lookupKey: buildKey,
        saveKey: buildKey,
        restoreKeys: [
          `setup-go-arm64-build-Linux-arm64-go1.22.5-${flags}-${targets}-`,
          `setup-go-arm64-build-Linux-arm64-go1.22.5-${flags}-`,
          'setup-go-arm64-build-Linux-arm64-go1.22.5-',
        ],
        cacheDir: '/home/runner/.cache/go-build',
      },
    ]);
    // One archive per cache directory, at a path that does not change between runs (it is part of the version).
    expect(plan.entries.map((entry) => entry.archiveFile)).toEqual([
      expect.stringMatching(/^\/tmp\/setup-go-arm64-cache\/mod-[0-9a-f]{16}\.tar$/),
      expect.stringMatching(/^\/tmp\/setup-go-arm64-cache\/build-[0-9a-f]{16}\.tar$/),
    ]);
    expect(planGoCaches(input()).entries).toEqual(plan.entries);
    expect(plan.sumFiles).toEqual(['/home/runner/work/app/go.sum']);
    expect(plan.dependencyFiles).toEqual(['/home/runner/work/app/go.sum']);
    expect(plan.flagsDescription).toBe('CGO_ENABLED=0 -trimpath');
  });

  it('never lets a job restore an entry saved for another OS, GOHOSTARCH or Go version', () => {
    const os = fc.constantFrom('Linux', 'macOS', 'Windows');
    const arch = fc.constantFrom('amd64', 'arm64', 'arm', '386', 'riscv64', 'ppc64', 'ppc64le');
    const version = fc.constantFrom('1.2', '1.22', '1.22.5', '1.22.50', '1.23rc1', '1.25.4');
    const side = fc.record({ runnerOs: os, goHostArch: arch, goVersion: version });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const saved = planGoCaches(input(a)).entries;
        const asking = planGoCaches(input(b)).entries;
        for (const kind of ['mod', 'build'] as const) {
          const entry = saved.find((e) => e.kind === kind)!;
          const ask = asking.find((e) => e.kind === kind)!;
          const same =
            a.runnerOs === b.runnerOs &&
            a.goHostArch === b.goHostArch &&
            (kind === 'mod' || a.goVersion === b.goVersion);
          expect(couldRestore(entry.key, [ask.key, ...ask.restoreKeys])).toBe(same);
        }
      }),
    );
  });

  it('restores across dependency changes and target sets, but only through restore keys', () => {
    const before = planGoCaches(input());
    const after = planGoCaches(
      input({
        dependencyFiles: [{ path: 'go.sum', sha256: sha256(helloSum + 'x v1.0.0 h1:x=\n') }],
        targets: [],
      }),
    );
    for (const kind of ['mod', 'build'] as const) {
      const saved = before.entries.find((e) => e.kind === kind)!;
      const ask = after.entries.find((e) => e.kind === kind)!;
      expect(ask.key).not.toBe(saved.key);
      expect(couldRestore(saved.key, ask.restoreKeys)).toBe(true);
    }
    expect(after.entries[1]?.key).toContain(`-go1.22.5-${buildFlagsDigest(FLAGS)}-none-`);
  });

  it('stays valid for the cache service for any prefix it accepts', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 256 }).filter((s) => !/[,\s]/.test(s)),
        fc.array(fc.constantFrom('linux/amd64', 'linux/arm/7', 'windows/arm64', 'darwin/arm64'), {
          maxLength: 10,
        }),
        (keyPrefix, targets) => {
          for (const entry of planGoCaches(input({ keyPrefix, targets })).entries) {
            for (const key of [entry.key, ...entry.restoreKeys]) {
              expect(key.length).toBeLessThanOrEqual(512);
              expect(key).not.toContain(',');
            }
          }
        },
      ),
    );
  });

  it('refuses a prefix with a comma or spaces, naming the input and a valid example', () => {
    expect(() => planGoCaches(input({ keyPrefix: 'a,b' }))).toThrow(InputError);
    expect(() => planGoCaches(input({ keyPrefix: 'my cache' }))).toThrow(
      /cache-key-prefix.*setup-go-arm64-v2/s,
    );
    expect(planGoCaches(input({ keyPrefix: '  ' })).entries[0]?.key).toMatch(/^setup-go-arm64-mod-/);
  });

  it('plans nothing when caching is off, and only the module cache without cache-build', () => {
    expect(planGoCaches(input({ cache: false })).entries).toEqual([]);
    expect(planGoCaches(input({ cacheBuild: false })).entries.map((e) => e.kind)).toEqual(['mod']);
  });

  it('accepts the version with or without its go prefix', () => {
    expect(planGoCaches(input({ goVersion: 'go1.22.5' })).entries[1]?.key).toBe(
      planGoCaches(input()).entries[1]?.key,
    );
  });
});

describe('targets digest', () => {
  it('ignores order and duplicates, and tells different sets apart', () => {
    expect(targetsDigest(['linux/amd64', 'darwin/arm64', 'linux/amd64'])).toBe(
      targetsDigest(['darwin/arm64', 'linux/amd64']),
    );
    expect(targetsDigest(['linux/amd64'])).not.toBe(targetsDigest(['linux/amd64/v3']));
    expect(targetsDigest([])).toBe('none');
    expect(targetsDigest(['a/b', 'c/d', 'e/f', 'g/h'])).toMatch(/^t4\.[0-9a-f]{8}$/);
  });
});

describe('dependency files', () => {
  it('hashes names and contents independently of the listing order', () => {
    const files = [
      { path: 'go.sum', sha256: sha256(helloSum) },
      { path: 'tools/go.sum', sha256: sha256('') },
    ];
    const digest = digestDependencyFiles(files);
    expect(digestDependencyFiles([...files].reverse())).toBe(digest);
    expect(digestDependencyFiles([files[0]!, { path: 'tools2/go.sum', sha256: sha256('') }])).not.toBe(
      digest,
    );
    expect(digestDependencyFiles([files[0]!, { path: 'tools/go.sum', sha256: sha256('\n') }])).not.toBe(
      digest,
    );
    expect(digestDependencyFiles([])).toBe('none');
  });

  it('defaults to every go.sum and go.work.sum, splits on commas and newlines, and keeps exclusions', () => {
    const wd = '/home/runner/work/app';
    expect(dependencyFilePatterns('', wd)).toEqual([`${wd}/**/go.sum`, `${wd}/**/go.work.sum`]);
    expect(dependencyFilePatterns('go.sum, tools/go.sum\n!vendor/**\n/abs/go.sum', wd)).toEqual([
      `${wd}/go.sum`,
      `${wd}/tools/go.sum`,
      `!${wd}/vendor/**`,
      '/abs/go.sum',
    ]);
  });

  it('leaves the module cache out when it sits inside the working directory', () => {
    const wd = '/home/runner/work/app';
    expect(dependencyFilePatterns('', wd, [`${wd}/.cache/mod`, '/home/runner/.cache/go-build'])).toEqual([
      `${wd}/**/go.sum`,
      `${wd}/**/go.work.sum`,
      `!${wd}/.cache/mod/**`,
    ]);
  });
});

describe('cache-hit output', () => {
  it('is exact only when every entry hit its own key, none when nothing was restored', () => {
    expect(combineCacheHits(['exact', 'exact'])).toBe('exact');
    expect(combineCacheHits(['exact', 'none'])).toBe('partial');
    expect(combineCacheHits(['partial', 'partial'])).toBe('partial');
    expect(combineCacheHits(['none', 'none'])).toBe('none');
    expect(combineCacheHits([])).toBe('none');
  });

  it('reports the module key and what each entry matched', () => {
    const plan = planGoCaches(input());
    const [mod, build] = plan.entries;
    const outputs = cacheOutputs(plan, [
      { kind: 'mod', matchedKey: mod!.key },
      { kind: 'build', matchedKey: `${build!.restoreKeys[1]}t1.00000000-abc` },
    ]);
    expect(outputs).toEqual({
      'cache-hit': 'partial',
      'cache-key': mod!.key,
      'cache-matched-key': mod!.key,
      'cache-build-key': build!.key,
      'cache-build-matched-key': `${build!.restoreKeys[1]}t1.00000000-abc`,
    });
    expect(cacheOutputs(plan, [])['cache-hit']).toBe('none');
  });
});

describe('comparing keys', () => {
  it('ignores letter case as @actions/cache does, and nothing else', () => {
    const plan = planGoCaches(input());
    const [mod, build] = plan.entries;
    expect(sameKey('Setup-Go-Mod-Linux', 'setup-go-mod-linux')).toBe(true);
    expect(sameKey('setup-go-mod-linux', 'setup-go-mod-linux-')).toBe(false);
    expect(entryHit(mod!, mod!.key.toLowerCase())).toBe('exact');
    expect(entryHit(build!, build!.key.toUpperCase())).toBe('exact');
    expect(entryHit(build!, `${build!.restoreKeys[0]}00`)).toBe('partial');
    expect(entryHit(build!, null)).toBe('none');
    expect(
      cacheOutputs(
        plan,
        plan.entries.map((e) => ({ kind: e.kind, matchedKey: e.key.toLowerCase() })),
      )['cache-hit'],
    ).toBe('exact');
  });

  it('with cache-save: always, saves under a key per run and counts any of them as exact', () => {
    const plan = planGoCaches(input({ cacheSave: 'always' }));
    const build = plan.entries[1]!;
    expect(build.saveKey).toBe(`${build.key}-run9876.1`);
    expect(build.lookupKey).toBe(build.saveKey);
    expect(build.restoreKeys.slice(0, 2)).toEqual([`${build.key}-run`, build.key]);
    expect(entryHit(build, `${build.key}-run1234.2`.toLowerCase())).toBe('exact');
    expect(entryHit(build, build.key)).toBe('exact');
    expect(entryHit(build, `${build.key}-runner`.slice(0, -3))).toBe('partial');
  });
});

describe('build flags in the key', () => {
  const flags = (overrides: Partial<BuildKeyFlags>) => buildFlagsDigest({ ...FLAGS, ...overrides });

  it('changes with everything that decides the compiled bytes, and not with what does not', () => {
    const base = flags({});
    const changed = [
      flags({ cgo: true }),
      flags({ trimpath: false }),
      flags({ tags: ['netgo'] }),
      flags({ buildFlags: ['-race'] }),
      flags({ env: { GOFLAGS: '-mod=vendor' } }),
      flags({ env: { GOEXPERIMENT: 'rangefunc' } }),
      flags({ env: { GOAMD64: 'v3' } }),
      flags({ env: { GOARM: '6' } }),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
    expect(flags({ tags: ['b', 'a', 'a'] })).toBe(flags({ tags: ['a', 'b'] }));
    expect(flags({ env: { GOFLAGS: '' } })).toBe(base);
  });

  it('says which part of the key differs from the restored entry', () => {
    const before = planGoCaches(input()).entries[1]!;
    const cgo = planGoCaches(input({ flags: { ...FLAGS, cgo: true } })).entries[1]!;
    expect(explainKeyDifference(cgo, 'setup-go-arm64', before.key)).toEqual([
      {
        part: 'flags',
        restored: buildFlagsDigest(FLAGS),
        wanted: buildFlagsDigest({ ...FLAGS, cgo: true }),
        meaning: 'CGO_ENABLED 0 → 1',
      },
    ]);
    const tagged = planGoCaches(input({ flags: { ...FLAGS, tags: ['netgo'] }, goVersion: '1.22.6' }))
      .entries[1]!;
    const difference = explainKeyDifference(tagged, 'setup-go-arm64', before.key.toLowerCase());
    expect(difference.map((d) => d.part)).toEqual(['Go version', 'flags']);
    expect(describeKeyDifference(difference)).toMatch(
      /^Go version go1\.22\.5 → go1\.22\.6; flags cgo0\.trim1\.[0-9a-f]{8} → cgo0\.trim1\.[0-9a-f]{8} \(build tags, build-flags, GOFLAGS, GOEXPERIMENT or an architecture level/,
    );
    const moved = planGoCaches(input({ targets: ['linux/amd64'], dependencyFiles: [] })).entries[1]!;
    expect(explainKeyDifference(moved, 'setup-go-arm64', before.key).map((d) => [d.part, d.meaning])).toEqual(
      [
        ['targets', 'another set of targets'],
        ['dependencies', 'go.sum or go.work.sum changed'],
      ],
    );
    expect(explainKeyDifference(before, 'setup-go-arm64', before.key)).toEqual([]);
    expect(explainKeyDifference(before, 'setup-go-arm64', null).map((d) => d.part)).toEqual([
      'Go version',
      'flags',
      'targets',
      'dependencies',
    ]);
    expect(
      explainKeyDifference(before, 'setup-go-arm64', 'setup-go-arm64-build-Linux-arm64-go1.22.5-t2-x'),
    ).toEqual([expect.objectContaining({ part: 'layout' })]);
  });
});

describe('cache-save input', () => {
  it('takes auto, always and never in any case; anything else names the input and the choices', () => {
    expect(parseCacheSave('')).toBe('auto');
    expect(parseCacheSave(' Always ')).toBe('always');
    expect(parseCacheSave('never')).toBe('never');
    expect(() => parseCacheSave('sometimes')).toThrow(InputError);
    expect(() => parseCacheSave('false')).toThrow(/cache-save.*auto.*always.*never/s);
  });
});
