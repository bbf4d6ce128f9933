// The paths of the dependency files: the `cache-dependency-path` input as glob patterns, and which of the files
// they match are go.sum or go.work.sum files. Pure: strings in, strings out; go-caches.ts globs and hashes.
import path from 'node:path';

/** Default `cache-dependency-path`: every go.sum and go.work.sum under the working directory. */
export const DEFAULT_DEPENDENCY_PATTERNS = ['**/go.sum', '**/go.work.sum'];

/** One file that `cache-dependency-path` matched, with the SHA-256 of its contents. */
export interface DependencyFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  sha256: string;
}

/**
 * Turns `cache-dependency-path` into absolute glob patterns. Patterns are separated by newlines or commas;
 * relative ones are relative to the working directory; `!` excludes. Empty means every go.sum and go.work.sum
 * under the working directory. Cache directories that sit inside the working directory are excluded, so the
 * go.sum files of downloaded modules never count as the project's own.
 */
export function dependencyFilePatterns(
  input: string,
  workingDirectory: string,
  cacheDirs: readonly string[] = [],
): string[] {
  const given = input
    .split(/[\n,]/)
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  const patterns = (given.length > 0 ? given : DEFAULT_DEPENDENCY_PATTERNS).map((pattern) => {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    return `${negated ? '!' : ''}${path.resolve(workingDirectory, body)}`;
  });
  for (const dir of cacheDirs) {
    const relative = path.relative(workingDirectory, dir);
    if (dir && relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      patterns.push(`!${path.resolve(dir)}/**`);
    }
  }
  return patterns;
}

/** Whether a `/`-separated path names a go.sum or go.work.sum, the files that say which module versions count. */
export function isSumFile(relative: string): boolean {
  return /(^|\/)go\.(work\.)?sum$/.test(relative);
}

/** `relative` with this platform's separators turned into `/`. */
export function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/');
}
