// Signing in to Collection Store from the client tests: login, refresh rotation, authenticated requests.
import assert from 'node:assert/strict';
import { url } from './ws-helpers.mjs';

export const adminPassword = process.env.ADMIN_PASSWORD;
if (!adminPassword) {
  throw new Error('ADMIN_PASSWORD must hold the bootstrap admin password of the server under test');
}

async function post(query, variables = {}, accessToken = undefined) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (accessToken) {
    headers.authorization = `Bearer ${accessToken}`;
  }
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

const PAYLOAD = 'accessToken refreshToken expiresAt user { id username }';

/** A signed-in session that rotates its refresh token whenever it refreshes. */
export class Session {
  constructor(payload) {
    this.#apply(payload);
  }

  static async login(username = 'admin', password = adminPassword) {
    const { body } = await post(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { ${PAYLOAD} } }`, { u: username, p: password });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return new Session(body.data.login);
  }

  /** Trades the current refresh token for a new pair; the old refresh token is then spent. */
  async refresh() {
    const { body } = await post(`mutation($r: String!) { refreshToken(input: { refreshToken: $r }) { ${PAYLOAD} } }`, { r: this.refreshToken });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    this.refreshCount += 1;
    this.#apply(body.data.refreshToken);
  }

  /** A fresh access token: refreshed first when the current one has less than a second left. */
  async accessTokenFresh() {
    if (this.expiresAt - Date.now() < 1000) {
      await this.refresh();
    }
    return this.accessToken;
  }

  async gql(query, variables = {}) {
    const { status, body } = await post(query, variables, await this.accessTokenFresh());
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  }

  #apply(payload) {
    this.accessToken = payload.accessToken;
    this.refreshToken = payload.refreshToken;
    this.expiresAt = Date.parse(payload.expiresAt);
    this.user = payload.user;
    this.refreshCount ??= 0;
  }
}
