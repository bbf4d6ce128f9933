// A local stand-in for the part of GitHub's REST API the size comment uses: issue comments (list with Link-header
// paging, create, update, delete, get), pull requests (get) and who the token is (GET /user, GraphQL's viewer),
// on 127.0.0.1. Tokens carry a permission the way
// GITHUB_TOKEN does (a fork's run gets a read-only one); every request is recorded, and faults can be injected.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface RecordedApiRequest {
  method: string;
  /** Path with query, e.g. `/repos/o/r/issues/1/comments?per_page=100&page=2`. */
  path: string;
  pathname: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** The Authorization header as sent. */
  authorization: string | undefined;
  status: number;
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  createdAt: string;
  updatedAt: string;
}

export interface PullRequestFixture {
  number: number;
  state: 'open' | 'closed';
  headSha: string;
  baseSha: string;
  baseRef?: string;
  /** `owner/repo` the head branch lives in; the base repository unless given (a fork otherwise). */
  headRepo?: string;
}

/** `write` can comment; `read` is what a pull request from a fork gets. */
export type TokenPermission = 'write' | 'read';

/** An answer given instead of the real one. */
export interface ApiFault {
  method?: string;
  /** Matched against the request's pathname. */
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests to answer this way; every one unless given. */
  times?: number;
  /** Delete the comment the request names before answering (a comment deleted between find and update). */
  deleteComment?: boolean;
}

export interface GitHubApi {
  /** The API base URL (GITHUB_API_URL). */
  url: string;
  requests: RecordedApiRequest[];
  addToken(token: string, permission: TokenPermission, login?: string): void;
  addPullRequest(owner: string, repo: string, pr: PullRequestFixture): void;
  /** Comments in the order the API lists them (oldest first). */
  comments(owner: string, repo: string, issueNumber: number): StoredComment[];
  /** Adds a comment by `login` (a bot when it ends in `[bot]`), as if posted through the API. */
  addComment(owner: string, repo: string, issueNumber: number, body: string, login: string): StoredComment;
  /** Adds `count` comments by other people, e.g. a long review discussion. */
  seedComments(owner: string, repo: string, issueNumber: number, count: number, login?: string): void;
  fail(fault: ApiFault): void;
  /** A secondary rate limit: 403 with retry-after, as GitHub answers when too many requests come too fast. */
  rateLimit(options: { method?: string; path?: RegExp; retryAfterSeconds: number; times?: number }): void;
  heal(): void;
  stop(): Promise<void>;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export async function startGitHubApi(): Promise<GitHubApi> {
  const tokens = new Map<string, { permission: TokenPermission; login: string }>();
  const comments: StoredComment[] = [];
  const pulls = new Map<string, PullRequestFixture>();
  const requests: RecordedApiRequest[] = [];
  let faults: (ApiFault & { left: number })[] = [];
  let nextCommentId = 1000;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  let baseUrl = '';

  const now = () => new Date((clock += 1000)).toISOString();
  const commentJson = (c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: { login: c.user.login, id: c.user.login.length, type: c.user.type },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
  });
  const addComment = (owner: string, repo: string, issueNumber: number, body: string, login: string) => {
    const createdAt = now();
    const comment: StoredComment = {
      id: nextCommentId++,
      owner,
      repo,
      issueNumber,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      createdAt,
      updatedAt: createdAt,
    };
    comments.push(comment);
    return comment;
  };

  interface ApiAnswer {
    status: number;
    json?: unknown;
    headers?: Record<string, string>;
  }
  type Handler = (
    params: string[],
    query: URLSearchParams,
    body: Record<string, unknown>,
    login: string,
  ) => ApiAnswer;

  const notFound: ApiAnswer = { status: 404, json: { message: 'Not Found' } };
  const routes: { method: string; pattern: RegExp; write: boolean; handler: Handler }[] = [
    {
      // As GitHub answers: a user's token (a PAT) is named; an installation token (GITHUB_TOKEN, a GitHub
      // App's, whose login ends in [bot]) may not ask.
      method: 'GET',
      pattern: /^\/user$/,
      write: false,
      handler: (_params, _query, _body, login) =>
        login.endsWith('[bot]')
          ? {
              status: 403,
              json: {
                message: 'Resource not accessible by integration',
                documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
                status: '403',
              },
            }
          : { status: 200, json: { login, id: login.length, type: 'User' } },
    },
    {
      // GraphQL, only as far as `viewer { login }`, which every kind of token may ask.
      method: 'POST',
      pattern: /^\/graphql$/,
      write: false,
      handler: (_params, _query, body, login) =>
        typeof body.query === 'string' &&
        /^\s*query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(body.query)
          ? { status: 200, json: { data: { viewer: { login } } } }
          : {
              status: 200,
              json: { errors: [{ message: 'This stand-in answers only query { viewer { login } }' }] },
            },
    },
    {
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
      write: false,
      handler: ([owner, repo, issue], query) => {
        const perPage = Math.min(
          MAX_PER_PAGE,
          Math.max(1, Number(query.get('per_page') ?? DEFAULT_PER_PAGE)),
        );
        const page = Math.max(1, Number(query.get('page') ?? 1));
        const all = comments.filter(
          (c) => c.owner === owner && c.repo === repo && c.issueNumber === Number(issue),
        );
        const lastPage = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string) =>
          `<${baseUrl}/repos/${owner}/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links: string[] = [];
        if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
        if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
        const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
        return {
          status: 200,
          json: all.slice((page - 1) * perPage, page * perPage).map(commentJson),
          headers,
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
      write: true,
      handler: ([owner, repo, issue], _query, body, login) => {
        if (typeof body.body !== 'string' || body.body === '')
          return {
            status: 422,
            json: { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing' }] },
          };
        if (body.body.length >= 65536)
          return {
            status: 422,
            json: { message: 'Validation Failed', errors: [{ field: 'body', code: 'too_long' }] },
          };
        if (!pulls.has(`${owner}/${repo}#${issue}`)) return notFound;
        return {
          status: 201,
          json: commentJson(addComment(String(owner), String(repo), Number(issue), body.body, login)),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      write: false,
      handler: ([owner, repo, id]) => {
        const comment = comments.find((c) => c.owner === owner && c.repo === repo && c.id === Number(id));
        return comment ? { status: 200, json: commentJson(comment) } : notFound;
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      write: true,
      handler: ([owner, repo, id], _query, body) => {
        const comment = comments.find((c) => c.owner === owner && c.repo === repo && c.id === Number(id));
        if (!comment) return notFound;
        if (typeof body.body !== 'string' || body.body === '' || body.body.length >= 65536)
          return { status: 422, json: { message: 'Validation Failed' } };
        comment.body = body.body;
        comment.updatedAt = now();
        return { status: 200, json: commentJson(comment) };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      write: true,
      handler: ([owner, repo, id]) => {
        const at = comments.findIndex((c) => c.owner === owner && c.repo === repo && c.id === Number(id));
        if (at < 0) return notFound;
        comments.splice(at, 1);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/,
      write: false,
      handler: ([owner, repo, number]) => {
        const pr = pulls.get(`${owner}/${repo}#${number}`);
        if (!pr) return notFound;
        const baseRepo = `${owner}/${repo}`;
        const headRepo = pr.headRepo ?? baseRepo;
        return {
          status: 200,
          json: {
            number: pr.number,
            state: pr.state,
            html_url: `https://github.com/${baseRepo}/pull/${pr.number}`,
            head: {
              sha: pr.headSha,
              ref: 'feature',
              repo: { full_name: headRepo, fork: headRepo !== baseRepo },
            },
            base: { sha: pr.baseSha, ref: pr.baseRef ?? 'main', repo: { full_name: baseRepo, fork: false } },
          },
        };
      },
    },
  ];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const method = request.method ?? 'GET';
      const recorded: RecordedApiRequest = {
        method,
        path: url.pathname + url.search,
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: request.headers.authorization,
        status: 0,
      };
      requests.push(recorded);
      const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
        recorded.status = status;
        response.writeHead(status, {
          ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          'x-github-request-id': `LOCAL:${requests.length}`,
          ...headers,
        });
        response.end(json === undefined ? undefined : JSON.stringify(json));
      };

      const fault = faults.find(
        (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)),
      );
      if (fault) {
        fault.left--;
        if (fault.deleteComment) {
          const id = Number(/\/comments\/(\d+)$/.exec(url.pathname)?.[1]);
          const at = comments.findIndex((c) => c.id === id);
          if (at >= 0) comments.splice(at, 1);
        }
        reply(fault.status, { message: fault.message ?? `Injected ${fault.status}` }, fault.headers);
        return;
      }

      const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const holder = token ? tokens.get(token) : undefined;
      if (!holder) {
        reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
        return;
      }
      for (const route of routes) {
        if (route.method !== method) continue;
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        if (route.write && holder.permission !== 'write') {
          reply(403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
            status: '403',
          });
          return;
        }
        const answer = route.handler(
          match.slice(1),
          url.searchParams,
          (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>,
          holder.login,
        );
        reply(answer.status, answer.json, answer.headers);
        return;
      }
      reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    addToken(token, permission, login = 'github-actions[bot]') {
      tokens.set(token, { permission, login });
    },
    addPullRequest(owner, repo, pr) {
      pulls.set(`${owner}/${repo}#${pr.number}`, pr);
    },
    comments(owner, repo, issueNumber) {
      return comments.filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber);
    },
    addComment,
    seedComments(owner, repo, issueNumber, count, login = 'reviewer') {
      for (let i = 0; i < count; i++) addComment(owner, repo, issueNumber, `Review note ${i + 1}`, login);
    },
    fail(fault) {
      faults.push({ ...fault, left: fault.times ?? Infinity });
    },
    rateLimit({ method, path, retryAfterSeconds, times = 1 }) {
      faults.push({
        ...(method ? { method } : {}),
        ...(path ? { path } : {}),
        status: 403,
        headers: { 'retry-after': String(retryAfterSeconds) },
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        left: times,
      });
    },
    heal() {
      faults = [];
    },
    stop() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

/** What a step's log shows: everything written to stdout and stderr between start and `stop()`. */
export interface CapturedLog {
  text(): string;
  /** `::warning::…` and the other workflow commands written so far, as raw lines. */
  commands(name: string): string[];
  stop(): void;
}

/** Starts capturing this process's stdout and stderr (not passed through) until `stop()`. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const record = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = record;
  process.stderr.write = record;
  const text = () => chunks.join('');
  return {
    text,
    commands: (name) =>
      text()
        .split(/\r?\n/)
        .filter((line) => line.startsWith(`::${name}::`) || line.startsWith(`::${name} `)),
    stop() {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    },
  };
}
