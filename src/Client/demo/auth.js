// Sign-in for the demo: the tokens live in sessionStorage (per tab, gone with the tab), and getToken()
// hands the client a token that is still valid, refreshing it (once, for concurrent callers) when it is not.
const KEY = 'collectionstore.demo.session';

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}

/** The token's claims, decoded but not verified (the server verifies; the page only reads `sub` and `exp`). */
export function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
}

export function currentSession() {
  const text = sessionStorage.getItem(KEY);
  return text ? JSON.parse(text) : null;
}

function save(tokens, username = currentSession()?.username) {
  sessionStorage.setItem(KEY, JSON.stringify({ username, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
}

export async function signIn(username, password) {
  const data = await graphql(
    'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken } }',
    { u: username, p: password },
  );
  save(data.login, username);
  return data.login;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

let refreshing = null;

/** For createClient({ getToken }): called at connect and after the server ends the connection (4403). */
export async function getToken() {
  const session = currentSession();
  if (!session) return null;
  // A token with a few seconds left would expire on the connection right away: refresh it first.
  if (claims(session.accessToken).exp * 1000 - Date.now() > 2000) return session.accessToken;
  refreshing ??= graphql(
    'mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }',
    { t: session.refreshToken },
  ).then((data) => {
    save(data.refreshToken);
    return data.refreshToken.accessToken;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}
