// schema/report.v1.schema.json against Reports of real builds, and against the mistakes it must catch.
import path from 'node:path';
import { inspectBinaryFile } from '../src/io/binary/inspect-file.js';
import { planBuilds } from '../src/core/build/plan.js';
import { runBuilds } from '../src/io/build/run.js';
import { parseTargets } from '../src/core/build/targets.js';
import { buildReport, type Report } from '../src/core/report/report.js';
import {
  expectValidReport,
  reportSchemaErrors,
  strictReportSchemaErrors,
} from '../test/support/report-schema.js';
import {
  buildConfig,
  localGo,
  runBuildsOptions,
  tempModule,
  twoCommandModule,
} from './fixtures/builds/go-modules.js';

let measured: Report;

/** A Report of real files: built by go, measured from their own bytes, as the action does. */
beforeAll(async () => {
  const go = await localGo();
  const moduleDir = await tempModule(twoCommandModule());
  const workspace = path.dirname(moduleDir);
  const jobs = planBuilds(
    buildConfig(moduleDir, {
      packages: ['./cmd/a'],
      targets: parseTargets(`${go.goos}/${go.goarch} darwin/arm64`),
    }),
  );
  const outcomes = await runBuilds(jobs, runBuildsOptions(go, moduleDir));
  const targets = await Promise.all(
    outcomes.map(async (outcome) => {
      const inspected = await inspectBinaryFile(outcome.job.output);
      return {
        goos: outcome.job.target.goos,
        goarch: outcome.job.target.goarch,
        package: outcome.job.package,
        path: path.relative(workspace, outcome.job.output),
        sizeBytes: inspected.sizeBytes,
        buildMs: outcome.buildMs,
        sha256: inspected.sha256,
        format: inspected.header.format,
        arch: inspected.header.arch,
      };
    }),
  );
  measured = buildReport({
    go: { version: go.version, hostOs: go.goos, hostArch: go.goarch, native: true },
    commit: '4f1c0c2a9d6e8b7a5f3e2d1c0b9a8f7e6d5c4b3a',
    flags: { ldflags: '-s -w', trimpath: true, cgo: false, tags: [], buildFlags: [] },
    targets,
    wallMs: 1000,
  });
}, 180_000);

// The copies break the Report type on purpose: the schema must catch what a hand-edited or foreign file holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

/** A deep copy of the measured Report with `change` applied. */
function variant(change: (report: Untyped) => void): unknown {
  const copy: Untyped = structuredClone(measured);
  change(copy);
  return copy;
}

describe('the report schema', () => {
  it('accepts Reports of real builds, with and without the optional fields', () => {
    expectValidReport(measured);
    expect(measured.targets.map((t) => t.format).sort()).toEqual(['elf', 'macho']);
    expectValidReport(
      variant((r) => {
        r.commit = null;
        r.flags.ldflags = '-s -w -X main.version={version}';
        r.flags.stampedLdflags = '-s -w -X main.version=v1.2.3';
        delete r.flags.tags;
        delete r.flags.buildFlags;
        r.targets[0].variant = 'v3';
        r.targets[0].attribution = [
          { package: 'runtime', sizeBytes: 450_000 },
          { package: 'type:', sizeBytes: 6_000 },
        ];
      }),
    );
    expectValidReport(variant((r) => (r.targets = [])));
  });

  it('rejects a Report missing what readers rely on, naming where', () => {
    expect(reportSchemaErrors(variant((r) => delete r.totals))).toEqual([
      "/ must have required property 'totals'",
    ]);
    expect(reportSchemaErrors(variant((r) => delete r.targets[1].arch))).toEqual([
      "/targets/1 must have required property 'arch'",
    ]);
    expect(reportSchemaErrors(variant((r) => (r.schemaVersion = 2)))).toEqual([
      '/schemaVersion must be equal to constant',
    ]);
  });

  it('rejects wrong values', () => {
    const errors = reportSchemaErrors(
      variant((r) => {
        r.targets[0].sha256 = 'ABC';
        r.targets[0].format = 'coff';
        r.targets[0].sizeBytes = -1;
        r.totals.wallMs = 1.5;
        r.go.version = 'go1.26.8';
        r.commit = '';
        r.targets[0].attribution = [{ package: '', sizeBytes: 0 }];
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        '/targets/0/sha256 must match pattern "^[0-9a-f]{64}$"',
        '/targets/0/format must be equal to one of the allowed values',
        '/targets/0/sizeBytes must be >= 1',
        '/totals/wallMs must be integer',
        '/go/version must match pattern "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$"',
        '/commit must match pattern "^[0-9a-f]{7,64}$"',
        '/targets/0/attribution/0/package must NOT have fewer than 1 characters',
        '/targets/0/attribution/0/sizeBytes must be >= 1',
      ]),
    );
  });

  it("checks a universal binary's slices", () => {
    const slice = {
      arch: 'arm64',
      offset: 16384,
      sizeBytes: 100,
      sha256: 'a'.repeat(64),
      goVersion: 'go1.25.4',
    };
    const universal = (slices: unknown[]) =>
      variant((r) => {
        Object.assign(r.targets[0], {
          goarch: 'universal',
          format: 'macho-fat',
          arch: 'amd64+arm64',
          slices,
        });
      });
    expect(strictReportSchemaErrors(universal([{ ...slice, goos: 'darwin', goarch: 'arm64' }]))).toEqual([]);
    expect(reportSchemaErrors(universal([]))).toEqual(['/targets/0/slices must NOT have fewer than 1 items']);
    expect(reportSchemaErrors(universal([{ ...slice, offset: -1, sha256: 'x' }]))).toEqual([
      '/targets/0/slices/0/offset must be >= 0',
      '/targets/0/slices/0/sha256 must match pattern "^[0-9a-f]{64}$"',
    ]);
  });

  it('lets readers ignore fields it does not know, while our own Reports must not carry any', () => {
    const extended = variant((r) => {
      r.cache = { hit: true };
      r.targets[0].stripped = true;
    });
    expect(reportSchemaErrors(extended)).toEqual([]);
    expect(strictReportSchemaErrors(extended)).toEqual([
      '/ must NOT have additional properties: cache',
      '/targets/0 must NOT have additional properties: stripped',
    ]);
  });
});
