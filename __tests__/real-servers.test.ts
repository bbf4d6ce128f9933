// The bundled action installing the real toolchain from servers this repository did not write, through the local
// runner: Python's http.server and nginx (keep-alive on and off) serving a go.dev-shaped mirror and Go's own module
// cache as a GOPROXY, and that module cache as a file:// GOPROXY. Each install must be complete: the installed go
// runs, its marker is there, and nothing is left in staging.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAction, type RunActionResult } from '../scripts/local-runner.js';
import { REPO_ROOT, UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import {
  ARCHIVE_PATH,
  goDevInputs,
  goproxyInputs,
  installProblems,
  MODULE_ZIP_PATH,
  mirrorTree,
  SERVER_KINDS,
  startServer,
  type MirrorTree,
  type RunningServer,
} from '../test/support/real-servers.js';

let tree: MirrorTree;

beforeAll(async () => {
  tree = await mirrorTree();
}, 600_000);

async function install(
  inputs: Record<string, string>,
): Promise<{ result: RunActionResult; problems: string[] }> {
  const toolCache = await mkdtemp(path.join(os.tmpdir(), 'sga-real-cache-'));
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'sga-real-ws-'));
  const result = await runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache,
    inputs: { cache: 'false', ...inputs },
    env: UNSET_MACHINE_ENV,
  });
  return { result, problems: await installProblems(result.outputs['go-root'], toolCache) };
}

/** The step's errors and its stderr, so a failed install says why in the test's output. */
function failureOf(result: RunActionResult): string {
  const main = result.steps[0];
  return [
    ...(main?.commands.filter((c) => c.command === 'error').map((c) => c.message) ?? []),
    main?.stderr.trim() ?? '',
  ].join('\n');
}

describe.each(SERVER_KINDS)('served by %s', (kind) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(kind, tree.root);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('installs from the go.dev-shaped mirror, checked against the checksum database and its index', async () => {
    const { result, problems } = await install(goDevInputs(server.baseUrl));
    expect({ success: result.success, failure: result.success ? '' : failureOf(result) }).toEqual({
      success: true,
      failure: '',
    });
    expect(problems).toEqual([]);
    // A mirror does not vouch for itself: the archive's files, as the toolchain module, match sum.golang.org.
    expect(result.summary).toContain(`\`${tree.toolchainSum.split(' ')[2]}\` (sum.golang.org via`);
    expect(result.summary).toContain(`the sha256 matched ${new URL(server.baseUrl).host}'s own index`);
    expect(await server.requestLog()).toContain(ARCHIVE_PATH);
  }, 300_000);

  it("installs through Go's module cache served as a GOPROXY", async () => {
    const { result, problems } = await install(goproxyInputs(`${server.baseUrl}/proxy`, tree.toolchainSum));
    expect({ success: result.success, failure: result.success ? '' : failureOf(result) }).toEqual({
      success: true,
      failure: '',
    });
    expect(problems).toEqual([]);
    expect(await server.requestLog()).toContain(MODULE_ZIP_PATH);
  }, 300_000);
});

describe('a file:// GOPROXY', () => {
  it("installs from Go's module cache read from disk, as the go command would", async () => {
    const { result, problems } = await install(goproxyInputs(tree.fileProxy, tree.toolchainSum));
    expect({ success: result.success, failure: result.success ? '' : failureOf(result) }).toEqual({
      success: true,
      failure: '',
    });
    expect(problems).toEqual([]);
  }, 300_000);
});
