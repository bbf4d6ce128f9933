// The Report's types, derived from its one definition (schema.ts): a field is added there, never here.
import type { FromSchema } from 'json-schema-to-ts';
import { targetName } from '../build/targets.js';
import type { REPORT_SCHEMA } from './schema.js';

/**
 * The schema as the action's own Reports meet it: every object closed. The published schema leaves objects open
 * so that readers ignore fields a later v1 adds; the types hold exactly the fields the schema defines.
 */
type Closed<S> = S extends { readonly type: 'object'; readonly properties: object }
  ? { readonly [K in keyof S]: Closed<S[K]> } & { readonly additionalProperties: false }
  : S extends object
    ? { readonly [K in keyof S]: Closed<S[K]> }
    : S;

/** What one run built. Schema v1: fields may be added, never renamed. */
export type Report = FromSchema<Closed<typeof REPORT_SCHEMA>>;
/** One built file, as measured after the build; `format` and `arch` come from the file's own header. */
export type TargetResult = Report['targets'][number];
/** One slice of a universal Mach-O, measured from its own bytes. */
export type SliceResult = NonNullable<TargetResult['slices']>[number];
/**
 * Bytes of a binary's symbols that belong to one Go package (`runtime`, `github.com/google/uuid`), or to
 * compiler-generated data that belongs to none (`type:` descriptors, `go:` function data, itabs and strings).
 */
export type PackageSize = NonNullable<TargetResult['attribution']>[number];
/** A build that produced no file the report can count, and why (the first line of what failed). */
export type FailedBuild = NonNullable<Report['failed']>[number];
/** The toolchain that built the targets, and whether it runs natively on the build machine. */
export type ReportToolchain = Report['go'];
/** The flags every target was built with. */
export type ReportFlags = Report['flags'];

/** A target's identity within a Report: its main package and target (`./cmd/tool linux/arm/7`). */
export function targetKey(target: Pick<TargetResult, 'package' | 'goos' | 'goarch' | 'variant'>): string {
  return `${target.package} ${targetName(target)}`;
}

/** Builds a Report from measured results; totals are derived, never taken from the caller. */
export function buildReport(input: {
  go: ReportToolchain;
  commit: string | null;
  flags: ReportFlags;
  targets: TargetResult[];
  failed?: FailedBuild[];
  buildCache?: Report['buildCache'];
  wallMs: number;
}): Report {
  const targets = [...input.targets].sort(
    (a, b) =>
      a.package.localeCompare(b.package) ||
      a.goos.localeCompare(b.goos) ||
      a.goarch.localeCompare(b.goarch) ||
      (a.variant ?? '').localeCompare(b.variant ?? ''),
  );
  return {
    schemaVersion: 1,
    go: input.go,
    commit: input.commit,
    flags: input.flags,
    targets,
    ...(input.failed && input.failed.length > 0 ? { failed: input.failed } : {}),
    ...(input.buildCache ? { buildCache: input.buildCache } : {}),
    totals: {
      sizeBytes: targets.reduce((sum, t) => sum + t.sizeBytes, 0),
      buildMs: targets.reduce((sum, t) => sum + t.buildMs, 0),
      wallMs: input.wallMs,
    },
  };
}
