// The checksums file, pure: `sha256sum` lines for the built files, named relative to output-dir.

/** Its name in output-dir. */
export const CHECKSUMS_FILE = 'checksums.txt';

/**
 * `sha256sum` output for the files, sorted by name (byte order, as `LC_ALL=C sort` would): `<hex>  <name>`. A name
 * holding a backslash or a newline is escaped the way GNU sha256sum escapes it (a leading `\` on the line), so
 * `sha256sum -c` reads every line back.
 */
export function renderChecksums(files: { name: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, sha256 }) =>
      /[\\\n]/.test(name)
        ? `\\${sha256}  ${name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n`
        : `${sha256}  ${name}\n`,
    )
    .join('');
}
