// The layers of src/ and the one-time move that put each file in its layer's folder. The lint rule in
// ./eslint-rule.mjs and scripts/move-layers.mjs both read this file, so what the folders say and what lint
// enforces cannot drift apart. ARCHITECTURE.md explains the layers in prose.

/** Lowest first: a layer may import its own modules and those of the layers before it, never later ones. */
export const LAYERS = ['core', 'io', 'phases', 'entries'];

/** The library's public API stays where package.json and tsconfig.lib.json expect it; it is an entry. */
const LIBRARY_ENTRY = 'src/index.ts';

/**
 * The only packages and Node built-ins a core module may import: path arithmetic, hashing and version
 * comparison compute on data in memory. Anything else (fs, child_process, http, @actions/*, tar, …) is I/O.
 */
export const CORE_PACKAGES = ['node:path', 'node:crypto', 'semver'];

/** Test folders held to a layer: a unit test may reach, through any chain of imports, only core modules. */
export const TEST_LAYERS = [{ folder: '__tests__/unit/', reach: 'core' }];

const CORE = {
  'src/errors.ts': 'src/core/errors.ts',
  // The names of the values main saves for post: constants both entries share.
  'src/state.ts': 'src/core/state.ts',
  'src/config.ts': 'src/core/config.ts',
  'src/config/build.ts': 'src/core/config/build.ts',
  'src/config/cache.ts': 'src/core/config/cache.ts',
  'src/config/toolchain.ts': 'src/core/config/toolchain.ts',
  'src/config/values.ts': 'src/core/config/values.ts',
  'src/binary/buildinfo.ts': 'src/core/binary/buildinfo.ts',
  'src/binary/fat.ts': 'src/core/binary/fat.ts',
  'src/binary/header.ts': 'src/core/binary/header.ts',
  'src/binary/macho-layout.ts': 'src/core/binary/macho-layout.ts',
  'src/binary/wasm-header.ts': 'src/core/binary/wasm-header.ts',
  'src/build/build-plan.ts': 'src/core/build/build-plan.ts',
  'src/build/cgo.ts': 'src/core/build/cgo.ts',
  'src/build/command-line.ts': 'src/core/build/command-line.ts',
  'src/build/diagnostics.ts': 'src/core/build/diagnostics.ts',
  'src/build/ldflags.ts': 'src/core/build/ldflags.ts',
  'src/build/packages.ts': 'src/core/build/packages.ts',
  'src/build/patterns.ts': 'src/core/build/patterns.ts',
  'src/build/plan.ts': 'src/core/build/plan.ts',
  'src/build/targets.ts': 'src/core/build/targets.ts',
  'src/build/universal.ts': 'src/core/build/universal.ts',
  'src/cache/dependency-paths.ts': 'src/core/cache/dependency-paths.ts',
  'src/cache/inputs.ts': 'src/core/cache/inputs.ts',
  'src/cache/key-match.ts': 'src/core/cache/key-match.ts',
  'src/cache/keys.ts': 'src/core/cache/keys.ts',
  'src/cache/outcomes.ts': 'src/core/cache/outcomes.ts',
  'src/cache/prune.ts': 'src/core/cache/prune.ts',
  'src/cache/summary.ts': 'src/core/cache/summary.ts',
  'src/compare/baselines-comment.ts': 'src/core/compare/baselines-comment.ts',
  'src/compare/baselines.ts': 'src/core/compare/baselines.ts',
  'src/compare/comment-file.ts': 'src/core/compare/comment-file.ts',
  'src/compare/build-info-changes.ts': 'src/core/compare/build-info-changes.ts',
  'src/compare/build-info-check.ts': 'src/core/compare/build-info-check.ts',
  'src/compare/comment-decision.ts': 'src/core/compare/comment-decision.ts',
  'src/compare/comment-marker.ts': 'src/core/compare/comment-marker.ts',
  'src/compare/comment-render.ts': 'src/core/compare/comment-render.ts',
  'src/compare/growth-section.ts': 'src/core/compare/growth-section.ts',
  'src/compare/markdown.ts': 'src/core/compare/markdown.ts',
  'src/compare/comment.ts': 'src/core/compare/comment.ts',
  'src/compare/compare.ts': 'src/core/compare/compare.ts',
  'src/compare/like-for-like.ts': 'src/core/compare/like-for-like.ts',
  'src/compare/thresholds.ts': 'src/core/compare/thresholds.ts',
  'src/net/attempts.ts': 'src/core/net/attempts.ts',
  'src/platform/child-env.ts': 'src/core/platform/child-env.ts',
  'src/platform/command-text.ts': 'src/core/platform/command-text.ts',
  'src/report/attribution.ts': 'src/core/report/attribution.ts',
  'src/report/checksums.ts': 'src/core/report/checksums.ts',
  'src/report/format.ts': 'src/core/report/format.ts',
  'src/report/merge.ts': 'src/core/report/merge.ts',
  'src/report/parse.ts': 'src/core/report/parse.ts',
  'src/report/purl.ts': 'src/core/report/purl.ts',
  'src/report/report.ts': 'src/core/report/report.ts',
  'src/report/sbom.ts': 'src/core/report/sbom.ts',
  'src/report/schema.ts': 'src/core/report/schema.ts',
  'src/report/schema-validator.ts': 'src/core/report/schema-validator.ts',
  'src/report/summary.ts': 'src/core/report/summary.ts',
  'src/toolchain/archive-paths.ts': 'src/core/toolchain/archive-paths.ts',
  'src/toolchain/goproxy.ts': 'src/core/toolchain/goproxy.ts',
  'src/toolchain/native.ts': 'src/core/toolchain/native.ts',
  'src/toolchain/note.ts': 'src/core/toolchain/note.ts',
  'src/toolchain/sumdb.ts': 'src/core/toolchain/sumdb.ts',
  'src/toolchain/tlog.ts': 'src/core/toolchain/tlog.ts',
  'src/version/files.ts': 'src/core/version/files.ts',
  'src/version/releases.ts': 'src/core/version/releases.ts',
  'src/version/resolve.ts': 'src/core/version/resolve.ts',
  'src/version/spec.ts': 'src/core/version/spec.ts',
  'src/version/support.ts': 'src/core/version/support.ts',
  'src/version/workspace.ts': 'src/core/version/workspace.ts',
};

const IO = {
  'src/log.ts': 'src/io/log.ts',
  'src/binary/inspect-file.ts': 'src/io/binary/inspect-file.ts',
  // Pure bookkeeping, but it runs `go list` and reads binaries through run.ts and inspect-file.ts.
  'src/build/attribution.ts': 'src/io/build/attribution.ts',
  'src/build/run.ts': 'src/io/build/run.ts',
  'src/cache/entry-files.ts': 'src/io/cache/entry-files.ts',
  'src/cache/go-caches.ts': 'src/io/cache/go-caches.ts',
  // Imports nothing, but listens in on process.stdout while @actions/cache runs.
  'src/cache/library-log.ts': 'src/io/cache/library-log.ts',
  'src/cache/restore.ts': 'src/io/cache/restore.ts',
  'src/cache/save.ts': 'src/io/cache/save.ts',
  'src/github/base-report.ts': 'src/io/github/base-report.ts',
  'src/github/baseline-cache.ts': 'src/io/github/baseline-cache.ts',
  'src/github/cache-entry.ts': 'src/io/github/cache-entry.ts',
  'src/github/fork-fallback.ts': 'src/io/github/fork-fallback.ts',
  'src/github/identity.ts': 'src/io/github/identity.ts',
  'src/github/pr-comment.ts': 'src/io/github/pr-comment.ts',
  'src/github/resolve-base.ts': 'src/io/github/resolve-base.ts',
  'src/net/download.ts': 'src/io/net/download.ts',
  'src/net/http.ts': 'src/io/net/http.ts',
  'src/platform/confine.ts': 'src/io/platform/confine.ts',
  'src/platform/facts.ts': 'src/io/platform/facts.ts',
  'src/platform/process.ts': 'src/io/platform/process.ts',
  'src/toolchain/sumdb-client.ts': 'src/io/toolchain/sumdb-client.ts',
  'src/toolchain/dirhash.ts': 'src/io/toolchain/dirhash.ts',
  'src/toolchain/extract-tar.ts': 'src/io/toolchain/extract-tar.ts',
  'src/toolchain/extract-zip.ts': 'src/io/toolchain/extract-zip.ts',
  'src/toolchain/godev-source.ts': 'src/io/toolchain/godev-source.ts',
  'src/toolchain/install.ts': 'src/io/toolchain/install.ts',
  'src/toolchain/probe.ts': 'src/io/toolchain/probe.ts',
  'src/version/fetch-releases.ts': 'src/io/version/fetch-releases.ts',
};

const PHASES = {
  'src/steps/build-targets.ts': 'src/phases/build-targets.ts',
  'src/steps/build-outcomes.ts': 'src/phases/build-outcomes.ts',
  'src/steps/check-variants.ts': 'src/phases/check-variants.ts',
  'src/steps/install-from-proxy.ts': 'src/phases/install-from-proxy.ts',
  'src/steps/install-from-release.ts': 'src/phases/install-from-release.ts',
  'src/steps/restore-caches.ts': 'src/phases/restore-caches.ts',
  'src/steps/toolchain-trust.ts': 'src/phases/toolchain-trust.ts',
  'src/steps/version-decision.ts': 'src/phases/version-decision.ts',
  'src/steps/check-inputs.ts': 'src/phases/check-inputs.ts',
  'src/steps/publish-report.ts': 'src/phases/publish-report.ts',
  'src/steps/setup-toolchain.ts': 'src/phases/setup-toolchain.ts',
  'src/steps/size-comment.ts': 'src/phases/size-comment.ts',
  'src/steps/universal.ts': 'src/phases/universal.ts',
  'src/steps/write-sboms.ts': 'src/phases/write-sboms.ts',
};

const ENTRIES = {
  'src/main.ts': 'src/entries/main.ts',
  'src/post.ts': 'src/entries/post.ts',
  'src/comment-action.ts': 'src/entries/comment-action.ts',
  // Its path to .github/matchers/ is relative to itself and must also hold from dist/setup/, two folders
  // below the root: so it sits two folders deep, beside the entry that registers the matcher.
  'src/build/problem-matcher.ts': 'src/entries/problem-matcher.ts',
};

/** Old path → new path, for every file of src/ that the move relocates (src/index.ts stays). */
export const MOVES = new Map(Object.entries({ ...CORE, ...IO, ...PHASES, ...ENTRIES }));

/** Folders that moved whole, for mentions of the folder itself in prose. */
export const FOLDER_MOVES = new Map([['src/steps/', 'src/phases/']]);

/**
 * The layer of a repository-relative path in src/, or undefined when it is in none (a new file that has to
 * be put in a layer's folder). Paths from before the move count as the layer they move to.
 */
export function layerOf(file) {
  const placed = MOVES.get(file) ?? file;
  if (placed === LIBRARY_ENTRY) return 'entries';
  const folder = /^src\/([^/]+)\//.exec(placed)?.[1];
  return LAYERS.includes(folder) ? folder : undefined;
}

/** The layers a module of `layer` may import from. */
export function importableFrom(layer) {
  return LAYERS.slice(0, LAYERS.indexOf(layer) + 1);
}
