// `npm run demo -- --pr`: the pull-request flow end to end. A git repository under .demo/pr holds two commits of
// examples/hello (the head sorts names with golang.org/x/text/collate, so its binaries grow); the bundled action
// runs on a pull_request event for them through the local runner, builds the merge-base in a git worktree,
// compares, and posts its sticky comment to a local stand-in for GitHub's REST API. The comment is printed.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startCacheService } from '../test/support/cache-service.js';
import { startGitHubApi } from '../test/support/github-api.js';
import { runAction, type RunActionResult } from './local-runner.js';

const OWNER = 'octo';
const REPO = 'hello';
const PR_NUMBER = 7;
const TOKEN = 'demo-write-token';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** The head commit's change: names are sorted with a locale-aware collator, which pulls in more of x/text. */
async function addCollation(repo: string): Promise<void> {
  const main = path.join(repo, 'main.go');
  const source = await readFile(main, 'utf8');
  await writeFile(
    main,
    source
      .replace('"golang.org/x/text/language"', '"golang.org/x/text/collate"\n\t"golang.org/x/text/language"')
      .replace(
        '\tprinter := message.NewPrinter(tag)',
        '\tcollate.New(tag).SortStrings(names)\n\tprinter := message.NewPrinter(tag)',
      ),
  );
}

export async function runPullRequestDemo(
  root: string,
  demo: string,
  env: Record<string, string>,
): Promise<RunActionResult> {
  const repo = path.join(demo, 'pr', 'repo');
  await rm(path.join(demo, 'pr'), { recursive: true, force: true });
  await mkdir(repo, { recursive: true });
  await cp(path.join(root, 'examples/hello'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'hello');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'sort-names');
  await addCollation(repo);
  git(repo, 'commit', '-q', '-am', 'Sort names by the language’s collation');
  const head = git(repo, 'rev-parse', 'HEAD');

  const api = await startGitHubApi();
  const cacheService = await startCacheService({ stateDir: path.join(demo, 'cache-service') });
  try {
    api.addToken(TOKEN, 'write', 'github-actions[bot]');
    api.addPullRequest(OWNER, REPO, { number: PR_NUMBER, state: 'open', headSha: head, baseSha: base });
    const repository = {
      name: REPO,
      owner: { login: OWNER },
      full_name: `${OWNER}/${REPO}`,
      default_branch: 'main',
    };
    const result = await runAction({
      actionDir: root,
      workspace: repo,
      toolCache: path.join(demo, 'toolcache'),
      temp: path.join(demo, 'pr', 'tmp'),
      echo: true,
      eventName: 'pull_request',
      sha: head,
      eventPayload: {
        action: 'synchronize',
        number: PR_NUMBER,
        pull_request: {
          number: PR_NUMBER,
          base: { sha: base, ref: 'main', repo: { full_name: repository.full_name } },
          head: { sha: head, ref: 'sort-names', repo: { full_name: repository.full_name } },
        },
        repository,
      },
      inputs: {
        'toolchain-source': 'goproxy',
        targets: 'darwin/arm64 darwin/amd64 linux/arm64 linux/amd64',
        'output-dir': 'dist',
        'github-token': TOKEN,
        'fail-on-size-increase': '75%',
      },
      env: { ...env, ...cacheService.env, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: repository.full_name },
    });
    const comments = api.comments(OWNER, REPO, PR_NUMBER);
    process.stdout.write(
      `\n===== the comment on ${OWNER}/${REPO}#${PR_NUMBER} (${comments.length} comment(s)) =====\n`,
    );
    for (const comment of comments) process.stdout.write(`${comment.body}\n`);
    await writeFile(path.join(demo, 'pr', 'comment.md'), comments.map((c) => c.body).join('\n---\n'));
    await writeFile(path.join(demo, 'pr', 'outputs.json'), JSON.stringify(result.outputs, null, 2) + '\n');
    return result;
  } finally {
    await cacheService.stop();
    await api.stop();
  }
}
