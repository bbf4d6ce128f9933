// Starts the local cache service (azurite + the Twirp front door) and prints the environment that points
// @actions/cache at it, then serves until interrupted.
//
//   node --import tsx scripts/cache-service.ts [--port <n>] [--write-env <file>] [--json] [--requests <file>]
//
// (Run node directly rather than through npx when backgrounding it: npm exec does not pass SIGINT/SIGTERM on.)
//
// stdout: the variables as NAME=value lines (or one JSON object with --json), once the service answers.
// --write-env also writes them to a file (GITHUB_ENV format), --requests writes every request it saw as JSON on exit.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startCacheService } from '../test/support/cache-service.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'write-env': { type: 'string' },
    json: { type: 'boolean', default: false },
    requests: { type: 'string' },
  },
});

const service = await startCacheService(values.port ? { port: Number(values.port) } : {});
const env = service.env;
const lines = Object.entries(env).map(([name, value]) => `${name}=${value}`);
if (values['write-env']) await writeFile(values['write-env'], lines.join('\n') + '\n');
process.stdout.write(values.json ? JSON.stringify(env) + '\n' : lines.join('\n') + '\n');
process.stderr.write(
  `cache service on ${service.url} (blobs in azurite at ${service.azurite.blobEndpoint}, pid ${service.azurite.pid}); Ctrl-C stops it\n`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const counts = new Map<string, number>();
  for (const request of service.requests) {
    const name = `${request.route} ${request.status}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  process.stderr.write(
    `${signal}: stopping after ${service.requests.length} request(s)${
      counts.size ? `: ${[...counts].map(([name, count]) => `${name} ×${count}`).join(', ')}` : ''
    }\n`,
  );
  if (values.requests) {
    await writeFile(
      values.requests,
      JSON.stringify({ requests: service.requests, entries: service.entries() }, null, 2) + '\n',
    );
  }
  await service.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
