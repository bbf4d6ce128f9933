// Bundles the action's entry points into dist/ (committed: GitHub runs dist/, never src/).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const entryPoints = {
  'setup/index': 'src/entries/main.ts',
  'post/index': 'src/entries/post.ts',
  'comment/index': 'src/entries/comment-action.ts',
};

/** Where undici lands: a CommonJS file of its own that node parses only when it is required. */
const UNDICI_FILE = 'chunks/undici.cjs';

/**
 * The toolkit imports undici at the top of @actions/http-client (for the ProxyAgent it builds when a fetch-based
 * client asks for a proxy dispatcher) and of @actions/github (for octokit's fetch). Every entry loads http-client
 * through @actions/core, so every start would parse undici's 0.8 MB, for nothing in most runs. Each import of
 * undici resolves instead to this stand-in with the same names, which requires the real undici (one copy, in
 * UNDICI_FILE) on first use. A name the toolkit imports and this lacks fails the build ("No matching export").
 */
const undiciOnDemand = {
  name: 'undici-on-demand',
  setup(plugin) {
    plugin.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'undici-on-demand' }));
    plugin.onLoad({ filter: /.*/, namespace: 'undici-on-demand' }, () => ({
      loader: 'js',
      // Entries and chunks sit two folders below the root, so the same relative path reaches UNDICI_FILE.
      contents: `
        import { createRequire } from 'node:module';
        let undici;
        const load = () => (undici ??= createRequire(import.meta.url)('../${UNDICI_FILE}'));
        export class ProxyAgent {
          constructor(options) {
            return new (load().ProxyAgent)(options);
          }
        }
        export function fetch(...args) {
          return load().fetch(...args);
        }
      `,
    }));
  },
};

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['node_modules/undici/index.js'],
  outfile: `dist/${UNDICI_FILE}`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  // What an entry loads only when a run needs it (@actions/cache with its Azure clients, octokit) goes into
  // chunks of its own, so node parses it only then. The chunks sit two folders below the root, as the entries
  // do, so a path a module works out from its own location holds wherever it lands.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [undiciOnDemand],
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
