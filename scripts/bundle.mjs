// Bundles the action's entry points into dist/ (committed: GitHub runs dist/, never src/).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const entryPoints = {
  'setup/index': 'src/entries/main.ts',
  'post/index': 'src/entries/post.ts',
  'comment/index': 'src/entries/comment-action.ts',
};

await rm('dist', { recursive: true, force: true });
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
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
