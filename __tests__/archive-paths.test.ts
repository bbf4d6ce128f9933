import fc from 'fast-check';
import {
  ArchiveEntryChecker,
  needsExecBit,
  restoredModuleFileName,
  safeEntryPath,
  toolCacheArch,
  type ArchiveEntry,
} from '../src/core/toolchain/archive-paths.js';

describe('safeEntryPath', () => {
  it('strips the top directory', () => {
    expect(safeEntryPath('go/bin/go', 'go')).toEqual({ path: 'bin/go' });
    expect(safeEntryPath('go/./src//go.mod', 'go/')).toEqual({ path: 'src/go.mod' });
    expect(safeEntryPath('go/', 'go')).toEqual({ skip: true });
    expect(safeEntryPath('go\\bin\\go.exe', 'go')).toEqual({ path: 'bin/go.exe' });
  });

  it.each([
    ['../x', /climbs out with \.\./],
    ['go/../../x', /climbs out with \.\./],
    ['go/bin/../../x', /climbs out with \.\./],
    ['/etc/passwd', /absolute path/],
    ['\\Windows\\x', /absolute path/],
    ['C:/Windows/x', /absolute path/],
    ['c:x', /absolute path/],
    ['other/bin/go', /outside go\//],
    ['gox/bin/go', /outside go\//],
    ['bin/go', /outside go\//],
    ['go/a\0b', /NUL byte/],
  ])('refuses %j', (name, reason) => {
    const result = safeEntryPath(name, 'go');
    expect(result).toEqual({ refused: expect.stringMatching(reason) });
  });
});

describe('module zip fixups', () => {
  it('restores go.mod files renamed to _go.mod, and only those', () => {
    expect(restoredModuleFileName('src/_go.mod')).toBe('src/go.mod');
    expect(restoredModuleFileName('_go.mod')).toBe('go.mod');
    expect(restoredModuleFileName('src/cmd/_go.mod')).toBe('src/cmd/go.mod');
    expect(restoredModuleFileName('src/x_go.mod')).toBeUndefined();
    expect(restoredModuleFileName('src/_go.mod.txt')).toBeUndefined();
  });

  it('marks bin/* and pkg/tool/<platform>/* executable, nothing else', () => {
    expect(needsExecBit('bin/go')).toBe(true);
    expect(needsExecBit('pkg/tool/linux_amd64/compile')).toBe(true);
    expect(needsExecBit('bin/sub/go')).toBe(false);
    expect(needsExecBit('pkg/tool/linux_amd64/sub/x')).toBe(false);
    expect(needsExecBit('src/cmd/go/main.go')).toBe(false);
  });

  it('names tool cache folders as the runner images do', () => {
    expect(toolCacheArch('amd64')).toBe('x64');
    expect(toolCacheArch('arm64')).toBe('arm64');
  });
});

function checker(overrides: Partial<ConstructorParameters<typeof ArchiveEntryChecker>[0]> = {}) {
  return new ArchiveEntryChecker({
    topDirectory: 'go',
    maxExtractedBytes: 1000,
    allowLinks: true,
    ...overrides,
  });
}

const file = (name: string, size = 1): ArchiveEntry => ({ name, kind: 'file', size });
const dir = (name: string): ArchiveEntry => ({ name, kind: 'directory', size: 0 });
const symlink = (name: string, linkTarget: string): ArchiveEntry => ({
  name,
  kind: 'symlink',
  size: 0,
  linkTarget,
});
const hardlink = (name: string, linkTarget: string): ArchiveEntry => ({
  name,
  kind: 'hardlink',
  size: 0,
  linkTarget,
});

describe('ArchiveEntryChecker', () => {
  it('accepts a normal toolchain layout', () => {
    const check = checker();
    expect(check.check(dir('go/'))).toEqual({ action: 'skip' });
    expect(check.check(dir('go/bin/'))).toEqual({ action: 'directory', path: 'bin' });
    expect(check.check(file('go/bin/go', 10))).toEqual({ action: 'file', path: 'bin/go' });
    expect(check.check(file('go/src/go.mod', 5))).toEqual({ action: 'file', path: 'src/go.mod' });
    expect(check.check(symlink('go/bin/gofmt', 'go'))).toEqual({
      action: 'symlink',
      path: 'bin/gofmt',
      target: 'go',
    });
    expect(check.check(symlink('go/misc/lib', '../src'))).toEqual({
      action: 'symlink',
      path: 'misc/lib',
      target: '../src',
    });
    expect(check.check(hardlink('go/bin/go2', 'go/bin/go'))).toEqual({
      action: 'hardlink',
      path: 'bin/go2',
      target: 'bin/go',
    });
    expect(check.bytes).toBe(15);
  });

  it('refuses duplicates, case-insensitively', () => {
    const check = checker();
    check.check(file('go/bin/go'));
    expect(check.check(file('go/bin/go'))).toEqual({ action: 'refuse', reason: 'duplicate entry go/bin/go' });
    expect(check.check(file('go/BIN/Go'))).toEqual({ action: 'refuse', reason: 'duplicate entry go/BIN/Go' });
    expect(check.check(dir('go/bin/go/'))).toMatchObject({ action: 'refuse' });
    expect(check.check(file('go/bin'))).toMatchObject({ action: 'refuse', reason: 'duplicate entry go/bin' });
  });

  it('refuses writing into a file or through a symlink', () => {
    const check = checker();
    check.check(file('go/VERSION'));
    expect(check.check(file('go/VERSION/x'))).toMatchObject({
      reason: 'entry go/VERSION/x would be written inside a file',
    });
    check.check(symlink('go/lib', 'src'));
    expect(check.check(file('go/lib/x'))).toMatchObject({
      reason: 'entry go/lib/x would be written through a symlink',
    });
    expect(check.check(dir('go/Lib/sub/'))).toMatchObject({ action: 'refuse' });
  });

  it.each([
    ['go/x', '/etc', /points to the absolute path \/etc/],
    ['go/x', 'C:\\Windows', /absolute path/],
    ['go/x', '..', /points outside go\//],
    ['go/bin/x', '../../etc', /points outside go\//],
    ['go/x', 'a/../..', /climbs with \.\. after a directory name/],
    ['go/x', 'a/../b', /climbs with \.\. after a directory name/],
    ['go/x', '', /has no target/],
  ])('refuses symlink %s -> %j', (name, target, reason) => {
    expect(checker().check(symlink(name, target))).toEqual({
      action: 'refuse',
      reason: expect.stringMatching(reason),
    });
  });

  it('refuses hard links that leave the root or name no earlier file', () => {
    const check = checker();
    check.check(file('go/bin/go'));
    check.check(symlink('go/bin/l', 'go'));
    check.check(dir('go/src/'));
    for (const target of [
      '../etc/passwd',
      '/etc/passwd',
      'go/../../x',
      'other/x',
      'go/bin/later',
      'go/bin/l',
      'go/src',
    ]) {
      expect(check.check(hardlink(`go/h${target.length}`, target))).toMatchObject({
        action: 'refuse',
        reason: expect.stringMatching(/^hard link .* does not name a file extracted before it$/),
      });
    }
  });

  it('refuses every link when links are not allowed (zip)', () => {
    const check = checker({ allowLinks: false });
    expect(check.check(symlink('go/x', 'y'))).toEqual({ action: 'refuse', reason: 'symlink go/x' });
    check.check(file('go/y'));
    expect(check.check(hardlink('go/z', 'go/y'))).toEqual({ action: 'refuse', reason: 'hardlink go/z' });
  });

  it('refuses device files and FIFOs', () => {
    expect(checker().check({ name: 'go/dev', kind: 'other', size: 0, typeName: 'CharacterDevice' })).toEqual({
      action: 'refuse',
      reason: 'CharacterDevice entry go/dev',
    });
  });

  it('refuses an archive once its files add up past the cap', () => {
    const check = checker({ maxExtractedBytes: 100 });
    expect(check.check(file('go/a', 60))).toMatchObject({ action: 'file' });
    expect(check.check(file('go/b', 40))).toMatchObject({ action: 'file' });
    expect(check.check(file('go/c', 1))).toEqual({ action: 'refuse', reason: 'it expands past 100 bytes' });
  });

  it('renames before checking, so a renamed file collides with a real one', () => {
    const check = checker({ rename: (relative) => restoredModuleFileName(relative) ?? relative });
    expect(check.check(file('go/src/_go.mod'))).toEqual({ action: 'file', path: 'src/go.mod' });
    expect(check.check(file('go/src/go.mod'))).toMatchObject({
      action: 'refuse',
      reason: 'duplicate entry go/src/go.mod',
    });
  });
});

type Node = { type: 'dir' } | { type: 'file' } | { type: 'link'; target: string };

/**
 * Resolves `relative` from the directory `base` of a modelled, case-insensitive tree the way the kernel does,
 * following links. 'escape' means it climbed above the root.
 */
function resolve(
  tree: Map<string, Node>,
  base: string[],
  relative: string,
  hops = 0,
): string[] | 'escape' | 'missing' {
  if (hops > 40) return 'missing';
  let current = [...base];
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (current.length === 0) return 'escape';
      current.pop();
      continue;
    }
    current.push(segment.toLowerCase());
    const node = tree.get(current.join('/'));
    if (!node) return 'missing';
    if (node.type === 'link') {
      const resolved = resolve(tree, current.slice(0, -1), node.target, hops + 1);
      if (!Array.isArray(resolved)) return resolved;
      current = resolved;
    }
  }
  return current;
}

describe('ArchiveEntryChecker, as a property', () => {
  // Few names, so later entries often refer to earlier ones; `..` and `.` often, so links climb and alias.
  const nameSegment = fc.constantFrom('a', 'b', 'A', '..', '.');
  const targetSegment = fc.constantFrom('a', 'b', '..', '.');
  const entry = fc.record({
    kind: fc.constantFrom<ArchiveEntry['kind']>('file', 'directory', 'symlink', 'symlink', 'hardlink'),
    name: fc.tuple(
      fc.constantFrom('go/', 'go/', 'go/', 'go/', '/', '../', 'x/'),
      fc.array(nameSegment, { minLength: 1, maxLength: 2 }),
    ),
    target: fc.tuple(
      fc.constantFrom('', '', '', '/', 'go/'),
      fc.array(targetSegment, { minLength: 1, maxLength: 3 }),
    ),
  });

  it('never lets a written path or a followed link leave the root', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 14 }), (entries) => {
        const check = checker({ maxExtractedBytes: Number.MAX_SAFE_INTEGER });
        const tree = new Map<string, Node>();
        const place = (relative: string, node: Node) => {
          const parts = relative.toLowerCase().split('/');
          for (let depth = 1; depth < parts.length; depth++) {
            const ancestor = parts.slice(0, depth).join('/');
            const existing = tree.get(ancestor);
            // mkdir -p through a link or a file is exactly what extraction must never do.
            if (existing && existing.type !== 'dir') throw new Error(`${relative} goes through ${ancestor}`);
            tree.set(ancestor, { type: 'dir' });
          }
          const key = parts.join('/');
          if (tree.has(key) && !(node.type === 'dir' && tree.get(key)?.type === 'dir')) {
            throw new Error(`${relative} overwrites an earlier entry`);
          }
          tree.set(key, node);
        };
        for (const generated of entries) {
          const name = generated.name[0] + generated.name[1].join('/');
          const linkTarget = generated.target[0] + generated.target[1].join('/');
          const decision = check.check({ name, kind: generated.kind, size: 1, linkTarget });
          if (decision.action === 'refuse' || decision.action === 'skip') continue;
          if (decision.action === 'directory') place(decision.path, { type: 'dir' });
          if (decision.action === 'file' || decision.action === 'hardlink')
            place(decision.path, { type: 'file' });
          if (decision.action === 'symlink') place(decision.path, { type: 'link', target: decision.target });
        }
        for (const [key, node] of tree) {
          if (node.type !== 'link') continue;
          expect(resolve(tree, key.split('/').slice(0, -1), node.target)).not.toBe('escape');
        }
      }),
      {
        numRuns: 3000,
        // A link to the root, then a link climbing through it: lexically inside, really outside.
        examples: [
          [
            [
              { kind: 'symlink', name: ['go/', ['p']], target: ['', ['.']] },
              { kind: 'symlink', name: ['go/', ['q']], target: ['', ['p', '..']] },
            ],
          ],
        ],
      },
    );
  });
});
