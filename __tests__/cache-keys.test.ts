import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cacheOutputs,
  combineCacheHits,
  dependencyFilePatterns,
  digestDependencyFiles,
  planGoCaches,
  targetsDigest,
  type CachePlanInput,
} from '../src/cache/keys.js';
import { InputError } from '../src/errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const helloSum = readFileSync(path.join(root, 'examples/hello/go.sum'), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function input(overrides: Partial<CachePlanInput> = {}): CachePlanInput {
  return {
    cache: true,
    cacheBuild: true,
    keyPrefix: 'setup-go-arm64',
    runnerOs: 'Linux',
    goHostArch: 'arm64',
    goVersion: '1.22.5',
    targets: ['linux/arm64', 'darwin/arm64'],
    workingDirectory: '/home/runner/work/app',
    dependencyFiles: [{ path: 'go.sum', sha256: sha256(helloSum) }],
    modCacheDir: '/home/runner/go/pkg/mod',
    buildCacheDir: '/home/runner/.cache/go-build',
    goBinary: '/opt/hostedtoolcache/go/1.22.5/arm64/bin/go',
    ...overrides,
  };
}

/** Would the cache service hand entry `saved` to a restore asking with `plan`'s key and restore keys? */
function couldRestore(saved: string, keys: readonly string[]): boolean {
  return keys.some((key) => saved.startsWith(key));
}

describe('cache keys', () => {
  it('names OS, GOHOSTARCH and the go.sum hash for modules, plus Go version and targets for builds', () => {
    const plan = planGoCaches(input());
    const hash = digestDependencyFiles([{ path: 'go.sum', sha256: sha256(helloSum) }]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const targets = targetsDigest(['linux/arm64', 'darwin/arm64']);
    expect(targets).toMatch(/^t2-[0-9a-f]{8}$/);
    expect(plan.entries).toEqual([
      {
        kind: 'mod',
        key: `setup-go-arm64-mod-Linux-arm64-${hash}`,
        restoreKeys: ['setup-go-arm64-mod-Linux-arm64-'],
        paths: ['/home/runner/go/pkg/mod'],
      },
      {
        kind: 'build',
        key: `setup-go-arm64-build-Linux-arm64-go1.22.5-${targets}-${hash}`,
        restoreKeys: [
          `setup-go-arm64-build-Linux-arm64-go1.22.5-${targets}-`,
          'setup-go-arm64-build-Linux-arm64-go1.22.5-',
        ],
        paths: ['/home/runner/.cache/go-build'],
      },
    ]);
    expect(plan.moduleDirs).toEqual(['/home/runner/work/app']);
    expect(plan.dependencyFiles).toEqual(['/home/runner/work/app/go.sum']);
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
    expect(after.entries[1]?.key).toContain('-go1.22.5-none-');
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
    expect(targetsDigest(['a/b', 'c/d', 'e/f', 'g/h'])).toMatch(/^t4-[0-9a-f]{8}$/);
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

  it('asks for the build list where each go.sum or go.work.sum lives', () => {
    const plan = planGoCaches(
      input({
        dependencyFiles: [
          { path: 'go.work.sum', sha256: sha256('') },
          { path: 'svc/go.sum', sha256: sha256(helloSum) },
          { path: 'svc/go.mod', sha256: sha256('module x\n') },
        ],
      }),
    );
    expect(plan.moduleDirs).toEqual(['/home/runner/work/app', '/home/runner/work/app/svc']);
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
      { kind: 'build', matchedKey: `${build!.restoreKeys[1]}t1-00000000-abc` },
    ]);
    expect(outputs).toEqual({
      'cache-hit': 'partial',
      'cache-key': mod!.key,
      'cache-matched-key': mod!.key,
      'cache-build-key': build!.key,
      'cache-build-matched-key': `${build!.restoreKeys[1]}t1-00000000-abc`,
    });
    expect(cacheOutputs(plan, [])['cache-hit']).toBe('none');
  });
});
