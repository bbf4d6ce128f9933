// Which file of a go.dev release is the one to install on a platform, from the release index alone.
import type { ReleaseFile } from '../version/resolve.js';

/** go.dev names linux/arm archives after the ARM version they target (`armv6l`); other GOARCHes as they are. */
export function goDevArch(goarch: string): string {
  return goarch === 'arm' ? 'armv6l' : goarch;
}

/** The `archive` file of a release for a platform; throws naming the platforms the release has archives for. */
export function selectGoDevArchive(
  release: { version: string; files: ReleaseFile[] },
  goos: string,
  goarch: string,
) {
  const archives = release.files.filter((file) => file.kind === 'archive');
  const file = archives.find((candidate) => candidate.os === goos && candidate.arch === goDevArch(goarch));
  if (file) return file;
  const platforms = archives.map((candidate) => `${candidate.os}/${candidate.arch}`).join(', ');
  throw new Error(
    `Go ${release.version} has no archive for ${goos}/${goarch} in the release index` +
      (platforms ? ` (it has ${platforms})` : ' (it lists no archives)') +
      '. Pick another version or architecture.',
  );
}
