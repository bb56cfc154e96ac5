// What every browser test file starts with: a fresh server, one headless Chromium, and the admin signed in
// through the API (to create projects and write changes as "another process").
import { Api } from './api.mjs';
import { launchBrowser } from './browser.mjs';
import { adminPassword, startServer } from './server.mjs';

/** Starts the server (with `serverOptions`) and the browser; `stop()` ends both. */
export async function startSetup(serverOptions) {
  const server = await startServer(serverOptions);
  const browser = await launchBrowser();
  const api = new Api(server.origin);
  await api.login('admin', adminPassword);
  return {
    server,
    browser,
    api,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}
