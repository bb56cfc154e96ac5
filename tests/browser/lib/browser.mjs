// Headless Chromium from Debian, driven by playwright-core (no browser download). Pages are opened on the
// server's origin so the client bundle loads from /client/* and tabs share BroadcastChannel and Web Locks.
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}

/**
 * Opens a tab on the server's origin and creates a client in it as `window.store` (the test keeps the client
 * object itself; the library sets no globals). `window.record(key, document, variables)` subscribes and records
 * every event in `window.events[key]` as { data, at: Date.now(), leader: whether this tab led then }; sink errors
 * go to `window.errors`; the time this tab last became leader is `window.leaderSince`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {{ username?: string, password?: string, collections?: object, transport?: 'graphql-ws' | 'sse',
 *   persistence?: 'indexeddb' | 'none' }} options
 */
export async function openTab(context, origin, options = {}) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[tab pageerror] ${error.message}`));
  // A page of the origin that loads nothing by itself: the health endpoint's JSON is enough to run scripts on.
  await page.goto(`${origin}/health`);
  await startClient(page, options);
  return page;
}

/** Creates the client in an open tab (again after a reload); options as for openTab. */
export async function startClient(page, { username = 'admin', password, collections, transport, persistence } = {}) {
  await page.evaluate(
    async ({ username, password, collections, transport, persistence }) => {
      const { createClient } = await import('/client/collectionstore-client.js');
      // Functions do not cross into the page: 'merge-title' stands for a merge that keeps the local title.
      const withMerge = (all) => Object.fromEntries(Object.entries(all).map(([name, options]) => [name,
        options.conflict === 'merge-title' ? { ...options, conflict: (server, local) => ({ ...server, title: local.title }) } : options]));
      const login = async () => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }',
            variables: { u: username, p: password },
          }),
        });
        const body = await response.json();
        window.logins = (window.logins ?? 0) + 1;
        return body.data.login.accessToken;
      };
      let token = await login();
      const expiresAt = (t) => JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
      window.tokenCalls = 0;
      window.events = {};
      window.errors = [];
      window.store = createClient({
        url: `${location.origin}/graphql`,
        // Called at connect and after the server closes the connection for an expired token.
        getToken: async () => {
          window.tokenCalls++;
          // A token about to expire would end the connection at once: sign in again for a fresh one.
          if (expiresAt(token) - Date.now() < 1500) token = await login();
          return token;
        },
        collections: collections ? withMerge(collections) : undefined,
        transport: transport ?? undefined,
        persistence: persistence ?? undefined,
      });
      window.record = (key, document, variables) => {
        window.events[key] = window.events[key] ?? [];
        return window.store.subscribe(document, variables, {
          next: (result) => {
            if (result.errors) window.errors.push(result.errors);
            else window.events[key].push({ data: result.data, at: Date.now(), leader: window.store.isLeader });
          },
          error: (error) => window.errors.push(String(error?.message ?? JSON.stringify(error))),
        });
      };
      window.leaderSince = null;
      window.store.onLeaderChange((leading) => {
        if (leading) window.leaderSince = Date.now();
      });
      await window.store.ready;
    },
    { username, password, collections: collections ?? null, transport: transport ?? null, persistence: persistence ?? null },
  );
}

/** Which of the pages holds the leadership right now (index), or -1. */
export async function leaderIndex(pages) {
  const flags = await Promise.all(pages.map((p) => p.evaluate(() => window.store.isLeader).catch(() => false)));
  return flags.indexOf(true);
}
