// Servers this repository did not write, serving the real toolchain on 127.0.0.1 for both toolchain paths:
// Python's http.server (HTTP/1.0, the connection closed after every response) and nginx from Debian's packages
// (keep-alive on or off, gzip for the JSON index, sendfile), each serving a go.dev-shaped mirror under /dl/ and
// Go's own module cache (`GOMODCACHE/cache/download`) as a GOPROXY under /proxy/. The same module cache is also a
// file:// GOPROXY. Used by __tests__/real-servers.test.ts and `npm run soak`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  downloadedToolchainModule,
  goDevIndexJson,
  goDevTarball,
  REAL_TOOLCHAIN,
  sha256OfFile,
} from './archives.js';
import { INSTALL_MARKER } from '../../src/io/toolchain/install.js';
import { walkToolCache } from './action-harness.js';
import { HOST, HOST_TARGET } from './host.js';

const execFileAsync = promisify(execFile);

/** The servers not written here that the tests and the soak start. */
export const SERVER_KINDS = ['python-http.server', 'nginx-keepalive', 'nginx-no-keepalive'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** The request path of the go.dev-shaped index, as the action asks for it. */
export const INDEX_PATH = '/dl/?mode=json&include=all';
export const ARCHIVE_PATH = `/dl/${REAL_TOOLCHAIN.goDevFilename}`;
export const MODULE_ZIP_PATH = `/proxy/${REAL_TOOLCHAIN.modulePath}/@v/${REAL_TOOLCHAIN.moduleVersion}.zip`;

/** A directory any static file server can serve: the go.dev-shaped mirror and the module cache as a proxy. */
export interface MirrorTree {
  root: string;
  /** The index's SHA-256 of the go.dev-shaped tarball. */
  tarballSha256: string;
  /** The `toolchain-sum` input pinning the module: Go's own h1: hash from `go mod download`. */
  toolchainSum: string;
  /** GOPROXY value reading Go's module cache straight from disk. */
  fileProxy: string;
}

/**
 * Builds the tree under a fresh temp directory: `dl/` holds the tarball (a link to the cached one) and the index
 * as `index.html` (what http.server answers for a directory) and `index.json` (nginx's index, typed JSON so gzip
 * applies); `proxy` links to Go's module cache download directory.
 */
export async function mirrorTree(): Promise<MirrorTree> {
  const [tarball, module] = await Promise.all([goDevTarball(), downloadedToolchainModule()]);
  const root = await mkdtemp(path.join(os.tmpdir(), 'sga-mirror-'));
  await mkdir(path.join(root, 'dl'));
  const tarballSha256 = await sha256OfFile(tarball);
  const index = goDevIndexJson({ sha256: tarballSha256, size: (await stat(tarball)).size });
  await writeFile(path.join(root, 'dl', 'index.html'), index);
  await writeFile(path.join(root, 'dl', 'index.json'), index);
  await symlink(tarball, path.join(root, 'dl', REAL_TOOLCHAIN.goDevFilename));
  await symlink(module.proxyDir, path.join(root, 'proxy'));
  return {
    root,
    tarballSha256,
    toolchainSum: `${REAL_TOOLCHAIN.modulePath} ${REAL_TOOLCHAIN.moduleVersion} ${module.sum}`,
    fileProxy: pathToFileURL(module.proxyDir).href,
  };
}

export interface RunningServer {
  kind: ServerKind;
  baseUrl: string;
  /** The server's own request log so far (http.server's stderr, nginx's access log). */
  requestLog(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a server of this kind on 127.0.0.1 serving `root`. */
export function startServer(kind: ServerKind, root: string): Promise<RunningServer> {
  return kind === 'python-http.server'
    ? startPythonServer(root)
    : startNginx(root, kind === 'nginx-keepalive');
}

/** Resolves when the child exits (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(timer);
}

/** `python3 -m http.server` on an ephemeral port; the port is read from the line it prints when it listens. */
async function startPythonServer(root: string): Promise<RunningServer> {
  const child = spawn(
    'python3',
    ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`python3 -m http.server did not start: ${stderr}`)),
      10_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /port (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}): ${stderr}`)));
  });
  return {
    kind: 'python-http.server',
    baseUrl: `http://127.0.0.1:${port}`,
    requestLog: async () => stderr,
    stop: () => stopChild(child, 'SIGTERM'),
  };
}

/** A port that was free a moment ago (nginx needs one in its config; a clash is retried). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function nginxConfig(options: { root: string; prefix: string; port: number; keepAlive: boolean }): string {
  const { root, prefix, port, keepAlive } = options;
  return `# Generated for one test run.
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 128; }
http {
  types {
    application/json json;
    application/gzip gz;
    application/zip zip;
    text/plain info mod;
  }
  default_type application/octet-stream;
  log_format served '$request_method $request_uri $status $body_bytes_sent gzip_ratio=$gzip_ratio connection=$connection requests=$connection_requests';
  access_log ${prefix}/access.log served;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout ${keepAlive ? '65s' : '0'};
  gzip on;
  gzip_min_length 1;
  gzip_types application/json;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /dl/ { index index.json; }
  }
}
`;
}

/** Waits until something accepts connections on the port, or the process exits. */
async function waitForListener(port: number, child: ChildProcess, describe: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(describe());
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on port ${port} within 10 s: ${describe()}`);
}

/** nginx in the foreground with a generated config, its pid, logs and temp paths under a temp prefix. */
async function startNginx(root: string, keepAlive: boolean): Promise<RunningServer> {
  const binary = await nginxBinary();
  for (let attempt = 1; ; attempt++) {
    const prefix = await mkdtemp(path.join(os.tmpdir(), 'sga-nginx-'));
    const port = await freePort();
    const config = path.join(prefix, 'nginx.conf');
    await writeFile(config, nginxConfig({ root, prefix, port, keepAlive }));
    const child = spawn(binary, ['-p', prefix, '-c', config, '-e', path.join(prefix, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const errorLog = () => readFile(path.join(prefix, 'error.log'), 'utf8').catch(() => '');
    try {
      await waitForListener(port, child, () => `nginx exited: ${stderr}`);
    } catch (error) {
      await stopChild(child, 'SIGTERM');
      const log = await errorLog();
      await rm(prefix, { recursive: true, force: true });
      // Another process took the port between the probe and nginx's bind: try another one.
      if (/Address already in use/.test(log + stderr) && attempt < 3) continue;
      throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
    }
    return {
      kind: keepAlive ? 'nginx-keepalive' : 'nginx-no-keepalive',
      baseUrl: `http://127.0.0.1:${port}`,
      requestLog: () => readFile(path.join(prefix, 'access.log'), 'utf8').catch(() => ''),
      stop: async () => {
        await stopChild(child, 'SIGTERM');
        await rm(prefix, { recursive: true, force: true });
      },
    };
  }
}

/** nginx from PATH, or where Debian's package puts it (/usr/sbin is not on every PATH). */
async function nginxBinary(): Promise<string> {
  for (const candidate of ['nginx', '/usr/sbin/nginx']) {
    const found = await execFileAsync(candidate, ['-v']).then(
      () => true,
      () => false,
    );
    if (found) return candidate;
  }
  throw new Error(
    'nginx is not installed: apt-get install nginx-light, or brew install nginx on macOS (the tests run it on 127.0.0.1)',
  );
}

/** The action's inputs for one install from a server's tree. */
export function goDevInputs(baseUrl: string): Record<string, string> {
  return {
    'go-version': REAL_TOOLCHAIN.goVersion,
    'toolchain-source': 'go.dev',
    'go-download-base-url': `${baseUrl}/dl`,
  };
}

export function goproxyInputs(goproxy: string, toolchainSum: string): Record<string, string> {
  return {
    'go-version': REAL_TOOLCHAIN.goVersion,
    'toolchain-source': 'goproxy',
    goproxy,
    // A private mirror of the module cache, as on a runner that cannot reach sum.golang.org: the pin is the trust.
    'toolchain-sum': toolchainSum,
    'checksum-database': 'off',
  };
}

/**
 * What is wrong with an install the action reported: nothing when `go version` of the installed go-root runs and
 * names the version, the tool cache holds exactly that toolchain with its marker, and no staging or partial
 * directory is left.
 */
export async function installProblems(goRoot: string | undefined, toolCache: string): Promise<string[]> {
  const problems: string[] = [];
  const expectedRoot = path.join(toolCache, 'go', REAL_TOOLCHAIN.goVersion, HOST.toolCacheArch);
  if (goRoot !== expectedRoot) problems.push(`go-root output is ${goRoot ?? '(unset)'}, not ${expectedRoot}`);
  const goVersion = await execFileAsync(path.join(expectedRoot, 'bin', 'go'), ['version'], {
    env: { ...process.env, GOTOOLCHAIN: 'local' },
  }).then(
    ({ stdout }) => stdout.trim(),
    (error: Error) => `failed: ${error.message.split('\n')[0]}`,
  );
  if (!goVersion.startsWith(`go version go${REAL_TOOLCHAIN.goVersion} ${HOST_TARGET}`))
    problems.push(`go version: ${goVersion}`);
  const marker = path.join(expectedRoot, INSTALL_MARKER);
  if (!(await stat(marker).catch(() => undefined))) problems.push(`no install marker: ${marker}`);
  const state = await walkToolCache(toolCache);
  for (const partial of state.partial) problems.push(`partial install left: ${partial}`);
  for (const workDir of state.workDirs) problems.push(`staging directory left: ${workDir}`);
  return problems;
}
