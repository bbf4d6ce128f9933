// What changed between two binaries' Go build info: the modules linked in, the Go version and the build
// settings. Plain data in, plain data out; the comment shows it beside the packages that grew.
import type { GoBuildInfo, GoModule } from '../binary/buildinfo.js';
import { compareCodeUnits } from '../order.js';

/** A module as one side links it: its version, and what replaced it when a replace directive did. */
export interface LinkedModule {
  version: string;
  replace?: { path: string; version: string };
}

/** A module that one side links and the other does not, or links at another version or replacement. */
export interface ModuleChange {
  path: string;
  /** Absent: head added it. */
  base?: LinkedModule;
  /** Absent: head removed it. */
  head?: LinkedModule;
}

/** A build setting with another value on one side; absent on the side that does not set it. */
export interface SettingChange {
  key: string;
  base?: string;
  head?: string;
}

/** How head's binary was built otherwise than base's, according to the two files themselves. */
export interface BuildInfoChanges {
  /** Ordered by module path. */
  modules: ModuleChange[];
  /** When the toolchains differ, e.g. `go1.25.4` and `go1.26.0`. */
  goVersion?: { base: string; head: string };
  /** Ordered by key. */
  settings: SettingChange[];
}

/**
 * Settings that differ between any two commits by design, so they say nothing about why a binary grew: the vcs.*
 * keys name the commit the comment already names, and -ldflags holds the stamped {commit} and {date} values (the
 * Report's own flags.ldflags, placeholders kept, is what the like-for-like check compares).
 */
function isPerCommitSetting(key: string): boolean {
  return key === 'vcs' || key.startsWith('vcs.') || key === '-ldflags';
}

function linked(module: GoModule): LinkedModule {
  return {
    version: module.version,
    ...(module.replace ? { replace: { path: module.replace.path, version: module.replace.version } } : {}),
  };
}

function sameLinked(a: LinkedModule, b: LinkedModule): boolean {
  return (
    a.version === b.version &&
    a.replace?.path === b.replace?.path &&
    a.replace?.version === b.replace?.version
  );
}

function moduleChanges(base: GoModule[], head: GoModule[]): ModuleChange[] {
  const baseByPath = new Map(base.map((m) => [m.path, linked(m)]));
  const headByPath = new Map(head.map((m) => [m.path, linked(m)]));
  const paths = [...new Set([...baseByPath.keys(), ...headByPath.keys()])];
  return paths
    .map((path) => ({ path, base: baseByPath.get(path), head: headByPath.get(path) }))
    .filter(({ base: was, head: is }) => !was || !is || !sameLinked(was, is))
    .map(({ path, base: was, head: is }) => ({
      path,
      ...(was ? { base: was } : {}),
      ...(is ? { head: is } : {}),
    }))
    .sort((a, b) => compareCodeUnits(a.path, b.path));
}

function settingChanges(base: Record<string, string>, head: Record<string, string>): SettingChange[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter(
    (k) => !isPerCommitSetting(k),
  );
  const valueOf = (settings: Record<string, string>, key: string) =>
    Object.hasOwn(settings, key) ? settings[key] : undefined;
  return keys
    .map((key) => ({ key, base: valueOf(base, key), head: valueOf(head, key) }))
    .filter((change) => change.base !== change.head)
    .map(({ key, base: was, head: is }) => ({
      key,
      ...(was !== undefined ? { base: was } : {}),
      ...(is !== undefined ? { head: is } : {}),
    }))
    .sort((a, b) => compareCodeUnits(a.key, b.key));
}

/**
 * The modules, toolchain and build settings that differ between two binaries' build info; undefined when none
 * does. The main module is left out: its version is the commit's own (Go stamps it from version control), and
 * its code is what the size rows compare.
 */
export function buildInfoChanges(base: GoBuildInfo, head: GoBuildInfo): BuildInfoChanges | undefined {
  const changes: BuildInfoChanges = {
    modules: moduleChanges(base.deps, head.deps),
    ...(base.goVersion !== head.goVersion
      ? { goVersion: { base: base.goVersion, head: head.goVersion } }
      : {}),
    settings: settingChanges(base.settings, head.settings),
  };
  const none = changes.modules.length === 0 && !changes.goVersion && changes.settings.length === 0;
  return none ? undefined : changes;
}
