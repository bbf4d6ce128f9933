// Who the token comments as, so the sticky comment is only ever one this identity wrote: anyone can post a
// comment that opens with our marker, and editing it would put our numbers under their name (or theirs under
// ours).
import * as core from '../log.js';
import type { getOctokit } from '@actions/github';

type Client = ReturnType<typeof getOctokit>;

/** The account a token acts as, as the REST API names a comment's author. */
export interface TokenIdentity {
  login: string;
  type: 'User' | 'Bot';
}

/** What GITHUB_TOKEN comments as: the GitHub Actions app's bot. No user login can hold `[bot]`. */
export const GITHUB_ACTIONS_BOT: TokenIdentity = { login: 'github-actions[bot]', type: 'Bot' };

const known = new WeakMap<Client, Promise<TokenIdentity>>();

function typeOf(login: string): TokenIdentity['type'] {
  return login.endsWith('[bot]') ? 'Bot' : 'User';
}

async function lookUp(client: Client): Promise<TokenIdentity> {
  // A personal access token (or any user's token) is a user: GET /user names it.
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, type: data.type === 'Bot' ? 'Bot' : typeOf(data.login) };
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
  }
  // An installation token (GITHUB_TOKEN, or a GitHub App's, e.g. from actions/create-github-app-token) gets 403
  // there, "Resource not accessible by integration"; GraphQL's viewer is open to it and names its bot
  // (`github-actions[bot]`, `my-app[bot]`), the login its REST comments carry. This is how
  // marocchino/sticky-pull-request-comment finds its own comment.
  try {
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    return { login: viewer.login, type: typeOf(viewer.login) };
  } catch (error) {
    // Where GraphQL is not reachable, the token is most likely GITHUB_TOKEN. Guessing wrong only means a new
    // comment instead of an update: never someone else's edited.
    core.info(
      `Could not ask GitHub who the token is (${(error as Error).message.split('\n')[0]}); ` +
        `taking it for ${GITHUB_ACTIONS_BOT.login}, as GITHUB_TOKEN is`,
    );
    return GITHUB_ACTIONS_BOT;
  }
}

/** Who `client`'s token comments as; asked once per client. */
export function tokenIdentity(client: Client): Promise<TokenIdentity> {
  let identity = known.get(client);
  if (!identity) {
    identity = lookUp(client);
    known.set(client, identity);
    // A failed look-up is not kept: the next call asks again.
    identity.catch(() => known.delete(client));
  }
  return identity;
}

/** True when a comment's author, as the REST API gives it, is `identity`. */
export function isWrittenBy(
  author: { login?: string; type?: string } | null | undefined,
  identity: TokenIdentity,
): boolean {
  return author?.login === identity.login && author.type === identity.type;
}
