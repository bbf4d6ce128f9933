/**
 * Maps an archive entry name to a path relative to the install root, or explains why it is refused. Go
 * archives put everything under one top directory (`go/` for go.dev archives, `<module>@<version>/` for
 * toolchain modules); anything outside it, absolute, or climbing with `..` could write outside the target.
 */
export function safeEntryPath(
  entryName: string,
  topDirectory: string,
): { path: string } | { skip: true } | { refused: string } {
  const name = entryName.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { refused: `absolute path ${entryName}` };
  if (name.includes('\0')) return { refused: `NUL byte in ${JSON.stringify(entryName)}` };
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return { refused: `path ${entryName} climbs out with ..` };
  // A module zip's top directory is the module path plus version, so it may span several segments.
  const top = topDirectory.replace(/\/+$/, '');
  const topParts = top.split('/');
  if (topParts.some((part, index) => parts[index] !== part)) {
    return { refused: `entry ${entryName} is outside ${top}/` };
  }
  const rest = parts.slice(topParts.length).filter((part) => part !== '' && part !== '.');
  if (rest.length === 0) return { skip: true };
  return { path: rest.join('/') };
}

/** Toolchain module zips rename every go.mod to _go.mod (a module zip may not hold nested modules). */
export function restoredModuleFileName(relativePath: string): string | undefined {
  return /(^|\/)_go\.mod$/.test(relativePath) ? relativePath.replace(/_go\.mod$/, 'go.mod') : undefined;
}

/** Module zips store no file modes: these are the files `go` itself marks executable after unpacking. */
export function needsExecBit(relativePath: string): boolean {
  return /^bin\/[^/]+$/.test(relativePath) || /^pkg\/tool\/[^/]+\/[^/]+$/.test(relativePath);
}

/** The tool cache's architecture folder name, as actions/tool-cache and the hosted runners' images spell it. */
export function toolCacheArch(goarch: string): string {
  return goarch === 'amd64' ? 'x64' : goarch;
}

/** An archive refused for what it holds (not for being damaged): names the archive and the offending entry. */
export class ArchiveRefusedError extends Error {
  override readonly name = 'ArchiveRefusedError';
  constructor(
    readonly archivePath: string,
    readonly reason: string,
  ) {
    super(`Refusing archive ${archivePath}: ${reason}`);
  }
}

/** One archive entry as a zip or tar reader describes it. */
export interface ArchiveEntry {
  /** The name stored in the archive (`go/bin/go`). */
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  /** Bytes the entry's content expands to: a file's data, and whatever a zip stores in any other entry. */
  size: number;
  /** A symlink's target as stored, or the archive name of the file a hard link shares. */
  linkTarget?: string;
  /** For kind `other`: what it is (`CharacterDevice`, `FIFO`), for the message. */
  typeName?: string;
}

/** What to do with an entry; paths are relative to the install root, with `/` separators. */
export type EntryDecision =
  | { action: 'skip' }
  | { action: 'directory'; path: string }
  | { action: 'file'; path: string }
  | { action: 'symlink'; path: string; target: string }
  | { action: 'hardlink'; path: string; target: string }
  | { action: 'refuse'; reason: string };

export interface ArchiveEntryCheckerOptions {
  topDirectory: string;
  /** Refuse the archive once its files add up to more than this (a zip or gzip bomb). */
  maxExtractedBytes: number;
  /** Symlinks and hard links that stay inside the root are allowed (tar); otherwise every link is refused. */
  allowLinks: boolean;
  /** Renames an entry's relative path before it is checked and written (module zips' `_go.mod`). */
  rename?: (relativePath: string) => string;
}

/** Go releases hold about 15 000 files; far more is a bomb of tiny entries. */
export const MAX_ARCHIVE_ENTRIES = 200_000;

function isAbsoluteLinkTarget(target: string): boolean {
  return target.startsWith('/') || target.startsWith('\\') || /^[A-Za-z]:/.test(target);
}

function refuse(reason: string): EntryDecision {
  return { action: 'refuse', reason };
}

/**
 * Decides, entry by entry and before anything is written, whether an archive may be extracted under a root.
 * Besides the per-name rules of safeEntryPath it remembers what earlier entries created, so it also refuses
 * duplicates (case-insensitively: macOS and Windows file systems fold case), entries written through a symlink
 * or into a file, links that leave the root, device files, and archives that expand past the cap.
 *
 * A symlink target may climb with `..` only at its start (within the link's own real parent directories) and
 * then only descend: `x/../..` is refused even when it looks inside, because `x` may itself be a link to
 * elsewhere, and a link's target resolves through whatever `x` is when it is followed.
 */
export class ArchiveEntryChecker {
  private readonly files = new Set<string>();
  private readonly links = new Set<string>();
  private readonly directories = new Set<string>();
  private expandedBytes = 0;
  private entries = 0;

  constructor(private readonly options: ArchiveEntryCheckerOptions) {}

  /** Bytes of the entries accepted so far. */
  get bytes(): number {
    return this.expandedBytes;
  }

  check(entry: ArchiveEntry): EntryDecision {
    // Counted for every entry, skipped ones and directories too: the module hash reads each entry's content,
    // so a zip whose many entries overlap one compressed run would otherwise inflate without limit.
    if (++this.entries > MAX_ARCHIVE_ENTRIES)
      return refuse(`it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
    this.expandedBytes += entry.size;
    if (this.expandedBytes > this.options.maxExtractedBytes) {
      return refuse(`it expands past ${this.options.maxExtractedBytes} bytes`);
    }
    const mapped = this.map(entry.name);
    if ('refused' in mapped) return refuse(mapped.refused);
    if ('skip' in mapped) return { action: 'skip' };
    const relative = mapped.path;
    const key = relative.toLowerCase();

    const parts = key.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const ancestor = parts.slice(0, depth).join('/');
      if (this.links.has(ancestor)) return refuse(`entry ${entry.name} would be written through a symlink`);
      if (this.files.has(ancestor)) return refuse(`entry ${entry.name} would be written inside a file`);
    }

    if (entry.kind === 'directory') {
      if (this.files.has(key) || this.links.has(key)) return refuse(`duplicate entry ${entry.name}`);
      this.addAncestors(parts);
      this.directories.add(key);
      return { action: 'directory', path: relative };
    }
    if (entry.kind === 'other') return refuse(`${entry.typeName ?? 'special file'} entry ${entry.name}`);
    if (this.files.has(key) || this.links.has(key) || this.directories.has(key)) {
      return refuse(`duplicate entry ${entry.name}`);
    }

    if (entry.kind === 'file') {
      this.remember(this.files, parts);
      return { action: 'file', path: relative };
    }

    return this.checkLink(entry, parts, relative);
  }

  /** A hard link or symlink entry: kept only when links are allowed and it stays within what was extracted. */
  private checkLink(entry: ArchiveEntry, parts: string[], relative: string): EntryDecision {
    if (!this.options.allowLinks) return refuse(`${entry.kind} ${entry.name}`);
    const target = (entry.linkTarget ?? '').replace(/\\/g, '/');
    if (target === '') return refuse(`${entry.kind} ${entry.name} has no target`);

    if (entry.kind === 'hardlink') {
      const linked = this.map(target);
      if (!('path' in linked) || !this.files.has(linked.path.toLowerCase())) {
        return refuse(`hard link ${entry.name} -> ${target} does not name a file extracted before it`);
      }
      this.remember(this.files, parts);
      return { action: 'hardlink', path: relative, target: linked.path };
    }

    if (isAbsoluteLinkTarget(target))
      return refuse(`symlink ${entry.name} points to the absolute path ${target}`);
    const segments = target.split('/').filter((segment) => segment !== '' && segment !== '.');
    const climbs = segments.findIndex((segment) => segment !== '..');
    const ups = climbs === -1 ? segments.length : climbs;
    if (segments.slice(ups).includes('..')) {
      return refuse(`symlink ${entry.name} -> ${target} climbs with .. after a directory name`);
    }
    if (ups > parts.length - 1) {
      return refuse(`symlink ${entry.name} -> ${target} points outside ${this.options.topDirectory}/`);
    }
    this.remember(this.links, parts);
    return { action: 'symlink', path: relative, target };
  }

  private map(name: string): ReturnType<typeof safeEntryPath> {
    const mapped = safeEntryPath(name, this.options.topDirectory);
    if (!('path' in mapped) || !this.options.rename) return mapped;
    return { path: this.options.rename(mapped.path) };
  }

  private remember(set: Set<string>, parts: string[]): void {
    this.addAncestors(parts);
    set.add(parts.join('/'));
  }

  private addAncestors(parts: string[]): void {
    for (let depth = 1; depth < parts.length; depth++) this.directories.add(parts.slice(0, depth).join('/'));
  }
}
