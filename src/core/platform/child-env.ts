/**
 * The environment every process the action starts (go, git, nm, sysctl) gets: an allow-list, not the action's
 * whole environment. The runner hands a JavaScript action its inputs (INPUT_GITHUB-TOKEN among them) and its
 * own credentials (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, …) as variables; a compiler, a linker
 * or a git hook has no use for them, and any of those may run code a pull request chose.
 */

/** Go's own settings (GOOS, GOFLAGS, GOPROXY, GOTOOLCHAIN, GO111MODULE, …): GO and capitals or digits only. */
const GO_SETTING = /^GO[A-Z0-9]*$/;
/** cgo's flags and the locale, by prefix. */
const ALLOWED_PREFIXES = ['CGO_', 'LC_'];
/**
 * What compilers, git and the C toolchain read from the environment to find things: paths, home, temp, locale,
 * proxies and CA certificates, the C compiler, reproducible-build time, Xcode's SDK, and Windows' own variables.
 * Compared upper-cased, as Windows names are case-insensitive.
 */
const ALLOWED_NAMES = new Set(
  [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TERM',
    'TMPDIR',
    'TEMP',
    'TMP',
    'XDG_CONFIG_HOME',
    'XDG_CACHE_HOME',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'CC',
    'CXX',
    'AR',
    'FC',
    'PKG_CONFIG',
    'PKG_CONFIG_PATH',
    'SOURCE_DATE_EPOCH',
    'DEVELOPER_DIR',
    'SDKROOT',
    'MACOSX_DEPLOYMENT_TARGET',
    'SYSTEMROOT',
    'WINDIR',
    'COMSPEC',
    'PATHEXT',
    'SYSTEMDRIVE',
    'USERPROFILE',
    'APPDATA',
    'LOCALAPPDATA',
    'PROGRAMDATA',
    'PROGRAMFILES',
    'PROGRAMFILES(X86)',
    'HOMEDRIVE',
    'HOMEPATH',
    'NUMBER_OF_PROCESSORS',
    'PROCESSOR_ARCHITECTURE',
  ].map((name) => name.toUpperCase()),
);

/** True when a child process may see the variable `name`. */
export function childMaySee(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    GO_SETTING.test(name) ||
    ALLOWED_NAMES.has(upper) ||
    ALLOWED_PREFIXES.some((prefix) => upper.startsWith(prefix))
  );
}

/** The allowed subset of `env`, unset values dropped. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const allowed: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && childMaySee(name)) allowed[name] = value;
  }
  return allowed;
}
