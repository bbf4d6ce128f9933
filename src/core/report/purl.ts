/**
 * Package URLs for Go modules: `pkg:golang/<module path>@<version>`, the path's case kept.
 *
 * The golang type's text says namespace and name "must be lowercased", but it predates modules and says so itself;
 * Go module paths are case-sensitive (github.com/BurntSushi/toml and github.com/burntsushi/toml are two modules,
 * which the module proxy stores apart as `!burnt!sushi`), so a lowercased purl could name a module that was never
 * linked, or no module at all. The purl test suite rates an uppercase namespace a warning, not an error.
 */
export function goModulePurl(modulePath: string, version?: string, subpath?: string): string | undefined {
  // A golang purl needs a namespace; a path of one element (`hello`) is a module nobody can fetch.
  if (!modulePath.includes('/') || modulePath.split('/').some((segment) => segment === '')) return undefined;
  const versionPart = version && version !== '(devel)' ? `@${percentEncode(version)}` : '';
  const subpathPart = subpath ? `#${subpath.split('/').map(percentEncode).join('/')}` : '';
  return `pkg:golang/${modulePath.split('/').map(percentEncode).join('/')}${versionPart}${subpathPart}`;
}

/**
 * The purl spec's encoding of one component: letters, digits, `.-_~` and `:` as they are, every other UTF-8 byte
 * as `%XX` (so a `+incompatible` or `+dirty` version reads `%2Bincompatible`, never a `+` a URL parser would
 * turn into a space).
 */
function percentEncode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9.\-_~:]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
