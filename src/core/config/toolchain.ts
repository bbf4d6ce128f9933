// The inputs that choose, fetch and verify the toolchain.
import { InputError } from '../errors.js';
import { parseGoproxy } from '../toolchain/goproxy.js';
import { inWorkspace, parseBoolean } from './values.js';

/** Where toolchains come from: go.dev's release archives, GOPROXY's toolchain modules, or go.dev then GOPROXY. */
export type ToolchainSource = 'auto' | 'go.dev' | 'goproxy';

export type ChecksumDatabase = 'sum.golang.org' | 'off';

export interface ToolchainInputs {
  goVersion: string;
  /** Absolute, or empty when not given. */
  goVersionFile: string;
  architecture: string;
  checkLatest: boolean;
  toolchainSource: ToolchainSource;
  goDownloadBaseUrl: string;
  goproxy: string;
  /** A go.sum-style line pinning the toolchain module's h1: hash, or empty. */
  toolchainSum: string;
  /** `off` only on air-gapped runners: toolchain-sum is then the one source of trust. */
  checksumDatabase: ChecksumDatabase;
  verify: boolean;
  gotoolchain: string;
}

function parseToolchainSource(value: string): ToolchainSource {
  const normalized = value.trim().toLowerCase() || 'auto';
  if (normalized === 'auto' || normalized === 'go.dev' || normalized === 'goproxy') return normalized;
  throw new InputError(
    'toolchain-source',
    `Input toolchain-source is ${JSON.stringify(value)}`,
    'use auto (go.dev, then GOPROXY), go.dev or goproxy',
  );
}

function parseChecksumDatabase(value: string): ChecksumDatabase {
  const normalized = value.trim() || 'sum.golang.org';
  if (normalized === 'sum.golang.org' || normalized === 'off') return normalized;
  throw new InputError(
    'checksum-database',
    `Input checksum-database is ${JSON.stringify(value)}`,
    'use sum.golang.org (the default, reached through each GOPROXY entry first, as go does), or off on a runner ' +
      'that cannot reach it, with toolchain-sum pinning the hash',
  );
}

function parseBaseUrl(value: string, inputName: string, fallback: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return fallback;
  if (!/^https?:\/\/[^\s/]+/.test(trimmed)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not an http(s) URL`,
      `use a go.dev-compatible mirror such as ${fallback}`,
    );
  }
  // Over plain http anyone on the path could swap the archive, the index and the answer to any question about
  // them; only a server on this machine is exempt.
  const host = new URL(trimmed).hostname;
  if (trimmed.startsWith('http://') && !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, a plain http:// URL; refusing to download a toolchain over it`,
      `use the mirror's https:// URL, such as ${fallback}`,
    );
  }
  return trimmed;
}

/** GOTOOLCHAIN as go accepts it: local, auto, path, or local/a toolchain name, optionally with +auto or +path. */
function parseGotoolchain(value: string): string {
  const trimmed = value.trim() || 'local';
  if (/^(auto|path|(local|go\d+(\.\d+){0,2}((rc|beta)\d+)?(-[^\s+]+)?)(\+(auto|path))?)$/.test(trimmed))
    return trimmed;
  throw new InputError(
    'gotoolchain',
    `Input gotoolchain is ${JSON.stringify(value)}, which go refuses as GOTOOLCHAIN`,
    'use local (the default: never switch toolchains), auto, or a toolchain such as go1.25.4 or go1.25.4+auto',
  );
}

/**
 * goproxy is checked ahead of the build inputs and the rest of this group after them: the order inputs are
 * checked in decides which of two bad ones is reported.
 */
export function readGoproxy(input: (name: string) => string): string {
  const goproxy = input('goproxy').trim() || 'https://proxy.golang.org,direct';
  parseGoproxy(goproxy);
  return goproxy;
}

export function readToolchainInputs(
  input: (name: string) => string,
  workspace: string,
  goproxy: string,
): ToolchainInputs {
  return {
    goVersion: input('go-version').trim(),
    goVersionFile: input('go-version-file').trim()
      ? inWorkspace(workspace, input('go-version-file').trim(), 'go-version-file')
      : '',
    architecture: input('architecture').trim() || 'auto',
    checkLatest: parseBoolean(input('check-latest') || 'false', 'check-latest'),
    toolchainSource: parseToolchainSource(input('toolchain-source')),
    goDownloadBaseUrl: parseBaseUrl(
      input('go-download-base-url'),
      'go-download-base-url',
      'https://go.dev/dl',
    ),
    goproxy,
    toolchainSum: input('toolchain-sum').trim(),
    checksumDatabase: parseChecksumDatabase(input('checksum-database')),
    verify: parseBoolean(input('verify') || 'true', 'verify'),
    gotoolchain: parseGotoolchain(input('gotoolchain')),
  };
}
