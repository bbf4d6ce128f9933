// `npm run demo -- --pr`: the pull-request flow end to end. A git repository under .demo/pr holds two commits of
// examples/hello (the head sorts names with golang.org/x/text/collate, adds a module and upgrades another, so its
// binaries grow); the bundled action runs on a pull_request event for them through the local runner, builds the
// merge-base in a git worktree, compares, and posts its sticky comment to a local stand-in for GitHub's REST
// API. The comment is printed, and the demo fails unless it names the module the head added.
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
const ADDED_MODULE = 'github.com/dustin/go-humanize';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/**
 * The head commit's change: names are sorted with a locale-aware collator (more of x/text), greetings are counted
 * in words with a new dependency, github.com/dustin/go-humanize, and spf13/pflag moves to v1.0.7. go.sum gets the
 * sums sum.golang.org holds for the two; the action's build downloads them through the Go module proxy.
 */
export async function changeHelloHead(repo: string): Promise<void> {
  const edit = async (file: string, change: (text: string) => string) =>
    writeFile(path.join(repo, file), change(await readFile(path.join(repo, file), 'utf8')));
  await edit('main.go', (source) =>
    source
      .replace('"github.com/google/uuid"', '"github.com/dustin/go-humanize"\n\t"github.com/google/uuid"')
      .replace('"golang.org/x/text/language"', '"golang.org/x/text/collate"\n\t"golang.org/x/text/language"')
      .replace(
        '\tprinter := message.NewPrinter(tag)',
        '\tcollate.New(tag).SortStrings(names)\n\tprinter := message.NewPrinter(tag)',
      )
      .replace('(greeting %d of %d,', '(%s greeting of %d,')
      .replace('i+1, *count, runID)', 'humanize.Ordinal(i+1), *count, runID)'),
  );
  await edit('go.mod', (text) =>
    text
      .replace('require (\n', 'require (\n\tgithub.com/dustin/go-humanize v1.0.1\n')
      .replace('github.com/spf13/pflag v1.0.6', 'github.com/spf13/pflag v1.0.7'),
  );
  await edit(
    'go.sum',
    (text) =>
      'github.com/dustin/go-humanize v1.0.1 h1:GzkhY7T5VNhEkwH0PVJgjz+fX1rhBrR7pRT3mDkpeCY=\n' +
      'github.com/dustin/go-humanize v1.0.1/go.mod h1:Mu1zIs6XwVuF/gI1OepvI0qD18qycQx+mFykh5fBlto=\n' +
      text.replace(
        /^github\.com\/spf13\/pflag v1\.0\.6 .*\n.*\n/m,
        'github.com/spf13/pflag v1.0.7 h1:vN6T9TfwStFPFM5XzjsvmzZkLuaLX+HS+0SeFLRgU6M=\n' +
          'github.com/spf13/pflag v1.0.7/go.mod h1:McXfInJRrz4CZXVZOBLb0bTZqETkiAhM9Iw0y3An2Bg=\n',
      ),
  );
}

/** Prints the comments and saves them with the outputs; fails when the comment misses the module head added. */
async function showComments(
  comments: { body: string }[],
  demo: string,
  result: RunActionResult,
): Promise<void> {
  process.stdout.write(
    `\n===== the comment on ${OWNER}/${REPO}#${PR_NUMBER} (${comments.length} comment(s)) =====\n`,
  );
  for (const comment of comments) process.stdout.write(`${comment.body}\n`);
  await writeFile(path.join(demo, 'pr', 'comment.md'), comments.map((c) => c.body).join('\n---\n'));
  await writeFile(path.join(demo, 'pr', 'outputs.json'), JSON.stringify(result.outputs, null, 2) + '\n');
  if (result.success && !comments.some((c) => c.body.includes(`| ${ADDED_MODULE} | — | v1.0.1 |`)))
    throw new Error(`The comment does not list ${ADDED_MODULE}, the module the head added`);
}

/** A fresh repository of examples/hello: the base commit on main, the head on a branch. */
async function pullRequestHistory(root: string, repo: string): Promise<{ base: string; head: string }> {
  await mkdir(repo, { recursive: true });
  await cp(path.join(root, 'examples/hello'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'hello');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'sort-names');
  await changeHelloHead(repo);
  git(repo, 'commit', '-q', '-am', 'Sort names by the language’s collation, and count greetings in words');
  return { base, head: git(repo, 'rev-parse', 'HEAD') };
}

export async function runPullRequestDemo(
  root: string,
  demo: string,
  env: Record<string, string>,
): Promise<RunActionResult> {
  const repo = path.join(demo, 'pr', 'repo');
  await rm(path.join(demo, 'pr'), { recursive: true, force: true });
  const { base, head } = await pullRequestHistory(root, repo);

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
    await showComments(api.comments(OWNER, REPO, PR_NUMBER), demo, result);
    return result;
  } finally {
    await cacheService.stop();
    await api.stop();
  }
}
