import { InputError } from '../errors.js';

/** One GOPROXY entry and what to do when it fails. */
export interface ProxyEntry {
  /** A base URL without trailing slash, or the keywords `direct` / `off`. */
  url: string;
  /**
   * Go's rule: after a `,` the next entry is tried only on 404/410; after a `|` on any error.
   * This is the separator that followed this entry.
   */
  fallThrough: 'not-found' | 'any-error';
}

/** Parses a GOPROXY list the way the go command does. */
export function parseGoproxy(value: string, inputName = 'goproxy'): ProxyEntry[] {
  const entries: ProxyEntry[] = [];
  const pattern = /([^,|]+)([,|]?)/g;
  for (const match of value.trim().matchAll(pattern)) {
    const url = (match[1] ?? '').trim().replace(/\/+$/, '');
    if (!url) continue;
    // A URL holds no white space (a space in one is written %20).
    if (url !== 'direct' && url !== 'off' && !/^(https?|file):\/\/\S+$/.test(url)) {
      throw new InputError(
        inputName,
        `Entry ${JSON.stringify(url)} in ${inputName} is not a proxy URL`,
        'use URLs and the keywords direct/off separated by , or |, e.g. https://proxy.golang.org,direct',
      );
    }
    entries.push({ url, fallThrough: match[2] === '|' ? 'any-error' : 'not-found' });
  }
  if (entries.length === 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} is empty`,
      'use e.g. https://proxy.golang.org,direct',
    );
  }
  return entries;
}

/** Whether a failure at `entry` lets the next entry be tried (HTTP status, or undefined for network errors). */
export function mayFallThrough(entry: ProxyEntry, status: number | undefined): boolean {
  return entry.fallThrough === 'any-error' || status === 404 || status === 410;
}

/** Go's module path escaping for proxy URLs: each capital letter becomes `!` + its lower case. */
export function escapeModulePath(modulePath: string): string {
  return modulePath.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
}

/** The module that carries an official toolchain for a platform, and its version for `go1.25.4`. */
export function toolchainModule(
  goVersion: string,
  goos: string,
  goarch: string,
): { path: string; version: string } {
  return { path: 'golang.org/toolchain', version: `v0.0.1-go${goVersion}.${goos}-${goarch}` };
}

export function moduleZipUrl(proxyUrl: string, module: { path: string; version: string }): string {
  return `${proxyUrl}/${escapeModulePath(module.path)}/@v/${module.version}.zip`;
}
