import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { InputError } from '../src/core/errors.js';
import { hash1, parseGoSumLine } from '../src/core/toolchain/module-hash.js';
import { hashModuleZip } from '../src/io/toolchain/dirhash.js';
import { SUM_GOLANG_ORG_KEY } from '../src/core/toolchain/note.js';
import { parseLookupResponse } from '../src/core/toolchain/sumdb.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const proxyFixtures = path.join(here, 'fixtures/sumdb/proxy');
const cacheDir = path.join(here, '../node_modules/.cache/setup-go-arm64-tests');

/** The zip hash the checksum database vouches for, read from a verified fixture answer. */
async function vouchedZipHash(lookupPath: string): Promise<string> {
  const body = await readFile(
    path.join(proxyFixtures, 'sumdb/sum.golang.org/lookup', ...lookupPath.split('/')),
  );
  const record = parseLookupResponse(body, SUM_GOLANG_ORG_KEY);
  return record.lines.find((line) => !line.version.endsWith('/go.mod'))!.hash;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let work: string;
let makeZipTool: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dirhash-test-'));
  // Zips in tests are written by Go's own archive/zip, entries in the order given, duplicates allowed.
  const source = path.join(work, 'mkzip.go');
  await writeFile(
    source,
    `package main

import (
	"archive/zip"
	"encoding/json"
	"os"
)

func main() {
	var entries []struct{ Name, Content string }
	if err := json.NewDecoder(os.Stdin).Decode(&entries); err != nil {
		panic(err)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	w := zip.NewWriter(f)
	for _, e := range entries {
		x, err := w.Create(e.Name)
		if err != nil {
			panic(err)
		}
		if _, err := x.Write([]byte(e.Content)); err != nil {
			panic(err)
		}
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}
`,
  );
  makeZipTool = path.join(work, 'mkzip');
  execFileSync('go', ['build', '-o', makeZipTool, source], { env: { ...process.env, GOTOOLCHAIN: 'local' } });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function makeZip(zipPath: string, entries: { name: string; content: string }[]): void {
  const input = JSON.stringify(entries.map((entry) => ({ Name: entry.name, Content: entry.content })));
  execFileSync(makeZipTool, [zipPath], { input });
}

describe('hash1', () => {
  it('hashes the sorted "<sha256>  <name>" lines, whatever order the files come in', () => {
    const files = [
      { name: 'm@v1.0.0/b.go', sha256Hex: sha256Hex('b') },
      { name: 'm@v1.0.0/a.go', sha256Hex: sha256Hex('a') },
    ];
    const summary = `${sha256Hex('a')}  m@v1.0.0/a.go\n${sha256Hex('b')}  m@v1.0.0/b.go\n`;
    const expected = `h1:${createHash('sha256').update(summary).digest('base64')}`;
    expect(hash1(files)).toBe(expected);
    expect(hash1([...files].reverse())).toBe(expected);
  });

  it('orders names by their UTF-8 bytes, as Go compares strings, not by UTF-16 units', () => {
    // U+FF46 is EF BD 86 in UTF-8 and sorts before U+1D400 (F0 ...); in UTF-16 the surrogate D835 sorts first.
    const fullwidth = { name: 'm@v1/\uff46', sha256Hex: sha256Hex('f') };
    const mathBold = { name: 'm@v1/\u{1d400}', sha256Hex: sha256Hex('A') };
    const summary = `${fullwidth.sha256Hex}  ${fullwidth.name}\n${mathBold.sha256Hex}  ${mathBold.name}\n`;
    expect(hash1([mathBold, fullwidth])).toBe(
      `h1:${createHash('sha256').update(summary, 'utf8').digest('base64')}`,
    );
  });

  it('refuses names with a newline and hashes that are not hex SHA-256', () => {
    expect(() => hash1([{ name: 'm@v1/a\nb', sha256Hex: sha256Hex('') }])).toThrow(/has a newline/);
    expect(() => hash1([{ name: 'm@v1/a', sha256Hex: sha256Hex('').toUpperCase() }])).toThrow(
      /not a lowercase hex/,
    );
  });
});

describe('hashModuleZip', () => {
  it('matches the checksum database for the real github.com/google/uuid@v1.6.0 zip', async () => {
    const zip = path.join(proxyFixtures, 'github.com/google/uuid/@v/v1.6.0.zip');
    expect(await hashModuleZip(zip)).toBe(await vouchedZipHash('github.com/google/uuid@v1.6.0'));
  });

  it('matches the hash go itself computes, directory entries and non-ASCII names included', async () => {
    const module = 'example.com/hashcheck';
    const prefix = `${module}@v1.0.0/`;
    const proxy = path.join(work, 'proxy');
    const versionDir = path.join(proxy, module, '@v');
    await mkdir(versionDir, { recursive: true });
    makeZip(path.join(versionDir, 'v1.0.0.zip'), [
      { name: `${prefix}sub/`, content: '' },
      { name: `${prefix}go.mod`, content: `module ${module}\n` },
      { name: `${prefix}sub/a.go`, content: 'package sub\n' },
      { name: `${prefix}B.txt`, content: 'capital' },
      { name: `${prefix}\uff46.txt`, content: 'fullwidth f' },
      { name: `${prefix}\u{1d400}.txt`, content: 'mathematical bold A' },
    ]);
    await writeFile(path.join(versionDir, 'v1.0.0.mod'), `module ${module}\n`);
    await writeFile(path.join(versionDir, 'v1.0.0.info'), '{"Version":"v1.0.0"}');
    const output = execFileSync('go', ['mod', 'download', '-json', `${module}@v1.0.0`], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GOPROXY: `file://${proxy}`,
        GOSUMDB: 'off',
        GOMODCACHE: path.join(work, 'modcache'),
        GOFLAGS: '-modcacherw',
        GOTOOLCHAIN: 'local',
      },
    });
    const { Sum } = JSON.parse(output) as { Sum: string };
    expect(Sum).toMatch(/^h1:/);
    expect(await hashModuleZip(path.join(versionDir, 'v1.0.0.zip'))).toBe(Sum);
  });

  it('refuses a zip holding two entries with one name', async () => {
    const zip = path.join(work, 'duplicate.zip');
    makeZip(zip, [
      { name: 'm@v1.0.0/go.mod', content: 'module m\n' },
      { name: 'm@v1.0.0/go.mod', content: 'module evil\n' },
    ]);
    await expect(hashModuleZip(zip)).rejects.toThrow(/more than one entry is named m@v1.0.0\/go.mod/);
  });

  it('fails on a file that is not a zip, or is cut short', async () => {
    const notZip = path.join(work, 'not.zip');
    await writeFile(notZip, 'this is not a zip archive');
    await expect(hashModuleZip(notZip)).rejects.toThrow();
    const whole = await readFile(path.join(proxyFixtures, 'github.com/google/uuid/@v/v1.6.0.zip'));
    const cut = path.join(work, 'cut.zip');
    await writeFile(cut, whole.subarray(0, whole.length - 100));
    await expect(hashModuleZip(cut)).rejects.toThrow();
  });

  it('matches the checksum database for the real go1.25.4 linux/amd64 toolchain zip (65 MB)', async () => {
    const zip = path.join(cacheDir, 'golang.org-toolchain-v0.0.1-go1.25.4.linux-amd64.zip');
    const cached = await stat(zip).catch(() => undefined);
    if (cached === undefined) {
      await mkdir(cacheDir, { recursive: true });
      const url = 'https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.25.4.linux-amd64.zip';
      const response = await fetch(url);
      if (!response.ok || response.body === null) throw new Error(`GET ${url}: HTTP ${response.status}`);
      const partial = `${zip}.${process.pid}.part`;
      await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(partial));
      await rename(partial, zip);
    }
    const started = performance.now();
    const hash = await hashModuleZip(zip);
    const elapsedMs = Math.round(performance.now() - started);
    console.log(`hashModuleZip: ${(await stat(zip)).size} bytes in ${elapsedMs} ms`);
    expect(hash).toBe(await vouchedZipHash('golang.org/toolchain@v0.0.1-go1.25.4.linux-amd64'));
  });
});

describe('parseGoSumLine', () => {
  const line =
    'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=';

  it('splits a go.sum line for a module zip', () => {
    expect(parseGoSumLine(`  ${line}\n`)).toEqual({
      module: 'golang.org/toolchain',
      version: 'v0.0.1-go1.25.4.linux-amd64',
      hash: 'h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=',
    });
  });

  it('refuses the /go.mod line, saying the zip hash is needed', () => {
    const goModLine =
      'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64/go.mod h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=';
    expect(() => parseGoSumLine(goModLine)).toThrow(
      /hash of the module's go.mod file; verifying the download needs the hash of its zip/,
    );
  });

  it.each([
    ['golang.org/toolchain h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=', /is not a go.sum line/],
    [`${line} extra`, /is not a go.sum line/],
    [
      'golang.org/toolchain 1.25.4 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=',
      /"1.25.4" .* is not a module version/,
    ],
    [line.replace('h1:', 'h2:'), /is not an h1: hash/],
    [line.replace('tmEw=', 'tmE='), /is not an h1: hash/],
    ['', /is not a go.sum line/],
  ])('refuses %j with an InputError for toolchain-sum', (bad, message) => {
    let error: unknown;
    try {
      parseGoSumLine(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('toolchain-sum');
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).message).toContain(line);
  });
});
