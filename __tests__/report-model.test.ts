// The Report's one definition (src/core/report/schema.ts): the published schema file is it, and parseReport refuses
// what it does not allow with a sentence that names the file, the field and what the field must be.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reportSchemaFiles } from '../scripts/report-schema-files.js';
import { mergeReports } from '../src/core/report/merge.js';
import { parseReport } from '../src/core/report/parse.js';
import { buildReport, type Report, type TargetResult } from '../src/core/report/report.js';
import { REPORT_SCHEMA } from '../src/core/report/schema.js';
import { expectValidReport, REPORT_SCHEMA_FILE } from '../test/support/report-schema.js';

function target(goarch: string, extra: Partial<TargetResult> = {}): TargetResult {
  return {
    goos: 'linux',
    goarch,
    package: '.',
    path: `dist/hello_linux_${goarch}`,
    sizeBytes: 2_000_000,
    buildMs: 1000,
    sha256: 'a'.repeat(64),
    format: 'elf',
    arch: goarch,
    ...extra,
  };
}

const valid: Report = buildReport({
  go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true },
  commit: '4f1c0c2a9d6e8b7a5f3e2d1c0b9a8f7e6d5c4b3a',
  flags: { ldflags: '-s -w', trimpath: true, cgo: false, env: { GOAMD64: 'v3' } },
  targets: [target('amd64', { attribution: [{ package: 'runtime', sizeBytes: 450_000 }] })],
  buildCache: 'exact',
  wallMs: 5000,
});

// The copies break the Report type on purpose: parseReport must catch what a hand-edited or foreign file holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

/** `valid` as JSON, changed by `change`. */
function edited(change: (json: Untyped) => void): unknown {
  const copy: Untyped = structuredClone(valid);
  change(copy);
  return JSON.parse(JSON.stringify(copy));
}

describe('the files made from the definition', () => {
  it('are what npm run schema writes: the published schema and the compiled validator', async () => {
    const files = await reportSchemaFiles();
    expect(files.map(({ file }) => file)).toContain(REPORT_SCHEMA_FILE);
    for (const { file, text } of files)
      if (readFileSync(file, 'utf8') !== text)
        throw new Error(
          `${path.relative(process.cwd(), file)} differs from src/core/report/schema.ts: run npm run schema`,
        );
    expect(JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8'))).toEqual(REPORT_SCHEMA);
  });
});

describe('parseReport', () => {
  it('accepts a report the action wrote, round-tripped through JSON', () => {
    expect(parseReport(JSON.parse(JSON.stringify(valid)), 'report.json')).toEqual(valid);
  });

  it('keeps the fields a later v1 may add, as readers ignore what they do not know', () => {
    const later = edited((r) => {
      r.future = { note: 'x' };
      r.targets[0].stripped = true;
    });
    expect(parseReport(later, 'report.json')).toEqual(later);
  });

  it.each<{ why: string; json: unknown }>([
    { why: 'it holds an array', json: [] },
    { why: 'it holds null', json: null },
    { why: 'schemaVersion is 2, not 1', json: edited((r) => (r.schemaVersion = 2)) },
    {
      why: 'go is missing (an object with version, hostOs, hostArch and native)',
      json: edited((r) => delete r.go),
    },
    {
      why: 'go.version is missing (a Go release such as 1.25.4 or 1.26rc1)',
      json: edited((r) => (r.go = {})),
    },
    {
      why: 'go.version is not a Go release such as 1.25.4 or 1.26rc1; it is "go1.25.4"',
      json: edited((r) => (r.go.version = 'go1.25.4')),
    },
    {
      why: 'commit is not a commit SHA of 7 to 64 lower-case hex digits, or null; it is "main"',
      json: edited((r) => (r.commit = 'main')),
    },
    { why: 'flags.trimpath is missing (true or false)', json: edited((r) => delete r.flags.trimpath) },
    { why: 'flags.env.GOAMD64 is not text; it is 3', json: edited((r) => (r.flags.env.GOAMD64 = 3)) },
    {
      why: 'flags.env["GO AMD64"] is not text; it is true',
      json: edited((r) => (r.flags.env['GO AMD64'] = true)),
    },
    {
      why: 'buildCache is not one of "exact", "partial" or "none"; it is "warm"',
      json: edited((r) => (r.buildCache = 'warm')),
    },
    { why: 'targets is not a list; it is an object', json: edited((r) => (r.targets = {})) },
    {
      why: 'targets[0].sizeBytes is not a size in bytes, 1 or more; it is "10"',
      json: edited((r) => (r.targets[0].sizeBytes = '10')),
    },
    {
      why: 'targets[0].buildMs is not a whole number, 0 or more; it is -1',
      json: edited((r) => (r.targets[0].buildMs = -1)),
    },
    {
      why: 'targets[0].goarch is missing (a GOOS or GOARCH name such as linux or arm64)',
      json: edited((r) => delete r.targets[0].goarch),
    },
    {
      why: 'targets[0].format is not one of "elf", "macho", "macho-fat", "pe" or "wasm"; it is "coff"',
      json: edited((r) => (r.targets[0].format = 'coff')),
    },
    {
      why: 'targets[0].sha256 is not a SHA-256 of 64 lower-case hex digits; it is "ABC"',
      json: edited((r) => (r.targets[0].sha256 = 'ABC')),
    },
    {
      why: 'targets[0].variant is not text of at least 1 character(s); it is ""',
      json: edited((r) => (r.targets[0].variant = '')),
    },
    {
      why: 'targets[0].attribution[0].sizeBytes is missing (a size in bytes, 1 or more)',
      json: edited((r) => (r.targets[0].attribution = [{ package: 'x' }])),
    },
    {
      why: `targets[0].package is not text of at least 1 character(s); it is ""`,
      json: edited((r) => (r.targets[0].package = '')),
    },
    {
      why: `targets[0].path is not text of at least 1 character(s); it is an array`,
      json: edited((r) => (r.targets[0].path = ['dist'])),
    },
    {
      why: `totals.wallMs is not a whole number, 0 or more; it is 1.5`,
      json: edited((r) => (r.totals.wallMs = 1.5)),
    },
    { why: 'target . linux/amd64 appears twice', json: edited((r) => r.targets.push(r.targets[0])) },
  ])('rejects a report where $why', ({ json, why }) => {
    expect(() => parseReport(json, 'base.json')).toThrow(
      new Error(`base.json is not a setup-go-arm64 report (schema v1): ${why}`),
    );
  });

  it('quotes at most 60 characters of a wrong value', () => {
    const long = edited((r) => (r.go.version = `1.25.4 ${'x'.repeat(500)}`));
    expect(() => parseReport(long, 'base.json')).toThrow(
      `go.version is not a Go release such as 1.25.4 or 1.26rc1; it is "1.25.4 ${'x'.repeat(51)}…`,
    );
  });
});

describe('a merged report', () => {
  it('carries only fields the schema defines, the runner of each target included', () => {
    const onArm = buildReport({
      ...valid,
      go: { ...valid.go, hostArch: 'arm64' },
      targets: [target('arm64')],
      wallMs: 7000,
    });
    const merged = mergeReports([valid, onArm]);
    expectValidReport(merged);
    expect(merged.targets.map((t) => [t.goarch, t.host])).toEqual([
      ['amd64', { os: 'linux', arch: 'amd64', native: true }],
      ['arm64', { os: 'linux', arch: 'arm64', native: true }],
    ]);
    expect(parseReport(JSON.parse(JSON.stringify(merged)), 'merged.json')).toEqual(merged);
  });

  it('names a target two reports both carry', () => {
    expect(() => mergeReports([valid, valid])).toThrow(
      'Target . linux/amd64 appears in report 1 and report 2; each target must be built once',
    );
  });
});
