// Checks that a Report target's `buildInfo` text is plain, for Reports from untrusted runs (comment-file.ts); its
// shape is the schema's to check (report/parse.ts). Plain data in, a problem or nothing out.
import type { GoBuildInfo, GoModule } from '../binary/buildinfo.js';

// Module paths as Go allows them (letters, digits and - . _ ~ + /) and local replacement directories written
// the same way: no space (no sentence), no `@` (no mention), no `:` (no URL), no `<`, `[`, `!` or `#`.
const MODULE_PATH = /^[A-Za-z0-9._~+/-]{1,300}$/;
/** Semantic versions and pseudo-versions; `(devel)` for a local replacement; empty where Go records none. */
const MODULE_VERSION = /^(?:v[0-9A-Za-z.+-]{1,120}|\(devel\)|)$/;
const MODULE_SUM = /^h1:[A-Za-z0-9+/]{43}=$/;
/** A Go release, and the experiments it was built with when they differ from its defaults (`go1.25.4 X:jsonv2`). */
const TOOLCHAIN = /^go[0-9]{1,3}(?:\.[0-9]{1,3}){1,2}(?:(?:rc|beta)[0-9]{1,2})?(?: X:[A-Za-z0-9,]{1,200})?$/;
/** Setting keys are Go's own words (GOOS, -trimpath, DefaultGODEBUG, vcs.revision); values are shown only when plain. */
const SETTING_KEY = /^[A-Za-z0-9._-]{1,64}$/;

function unplainModule(module: GoModule): string | undefined {
  if (!MODULE_PATH.test(module.path)) return `module path ${JSON.stringify(module.path)}`;
  if (!MODULE_VERSION.test(module.version))
    return `version ${JSON.stringify(module.version)} of ${module.path}`;
  if (module.sum !== undefined && !MODULE_SUM.test(module.sum)) return `sum ${JSON.stringify(module.sum)}`;
  return module.replace && unplainModule(module.replace);
}

/**
 * The first text of a build info that is not plain (a module path, version or sum, the toolchain or a setting
 * key), described for an error message; undefined when all of it is.
 */
export function unplainBuildInfoText(info: GoBuildInfo): string | undefined {
  if (!TOOLCHAIN.test(info.goVersion)) return `goVersion ${JSON.stringify(info.goVersion)}`;
  for (const module of [...(info.main ? [info.main] : []), ...info.deps]) {
    const unplain = unplainModule(module);
    if (unplain) return unplain;
  }
  const key = Object.keys(info.settings).find((k) => !SETTING_KEY.test(k));
  return key === undefined ? undefined : `setting ${JSON.stringify(key)}`;
}
