// @actions/cache, loaded on first use. With the Azure storage and Twirp clients it brings, it is most of the
// bundle's code; a run that touches no cache (the toolchain from the tool cache, `cache: false`) never loads
// it, and one that does loads it after the toolchain is installed, not before the first log line.
type ActionsCache = typeof import('@actions/cache');

let loading: Promise<ActionsCache> | undefined;

export function actionsCache(): Promise<ActionsCache> {
  loading ??= import('@actions/cache');
  return loading;
}
