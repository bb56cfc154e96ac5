// With persistence: 'indexeddb' a reload shows the cached tasks at once, before any server connection, then
// resumes with `since` and catches up with what changed meanwhile: nothing lost, nothing twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTab, startClient } from '../lib/browser.mjs';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

const options = { password: adminPassword, persistence: 'indexeddb', collections: { Task: { fields: 'id version projectId title done' } } };
let setup;
let server;
let browser;
let api;

before(async () => {
  setup = await startSetup();
  ({ server, browser, api } = setup);
});

after(async () => {
  await setup?.stop();
});

const view = (page) => page.evaluate(() => window.list.items.map((d) => `${d.title}@${d.version}`));

/** What the page's IndexedDB holds: documents, and the members of the largest saved live list. */
function storedInIndexedDb(page) {
  return page.evaluate(async () => {
    const all = (db, name) => new Promise((done, fail) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const result = { docs: 0, members: 0 };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((done, fail) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      if (db.objectStoreNames.contains('docs')) result.docs += (await all(db, 'docs')).length;
      if (db.objectStoreNames.contains('watches')) {
        for (const w of await all(db, 'watches')) result.members = Math.max(result.members, w.ids?.length ?? 0);
      }
      db.close();
    }
    return result;
  });
}

async function watchProject(page, projectId) {
  await page.evaluate((p) => {
    window.list = window.store.watch('Task', { where: { projectId: { eq: p } }, order: [{ title: 'ASC' }] });
    window.list.subscribe(() => {});
  }, projectId);
}

test('Reload_IndexedDbPersistence_ShowsCachedTasksBeforeConnectingThenResumesWithSince', async () => {
  const project = await api.createProject('persistence');
  const a = await api.createTask(project.id, 'a');
  await api.createTask(project.id, 'b');
  const context = await browser.newContext();
  // The server connection can be refused, as while the server restarts (close 1012); subscribe messages are kept.
  const network = { up: true, subscribes: [] };
  await context.routeWebSocket(/\/graphql$/, (ws) => {
    network.attempts = (network.attempts ?? 0) + 1;
    if (!network.up) {
      ws.close({ code: 1012, reason: 'service restart' });
      return;
    }
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      const message = typeof m === 'string' ? JSON.parse(m) : null;
      if (message?.type === 'subscribe' && message.payload.query.includes('taskChanged')) network.subscribes.push(message.payload.variables);
      upstream.send(m);
    });
  });
  const page = await openTab(context, server.origin, options);
  await watchProject(page, project.id);
  await waitFor(async () => JSON.stringify(await view(page)) === JSON.stringify(['a@1', 'b@1']), { what: 'the two tasks' });
  await api.createTask(project.id, 'c');
  await waitFor(async () => (await view(page)).length === 3, { what: 'the live third task' });
  // The client writes the documents and the list's members and position to IndexedDB in the background.
  await waitFor(async () => {
    const stored = await storedInIndexedDb(page);
    return stored.docs === 3 && stored.members === 3 && stored;
  }, { what: 'the three tasks and the list in IndexedDB' });

  network.up = false;
  await page.reload();
  // Written while the page is gone.
  await api.updateTask(a.id, { title: 'a, renamed' });
  await api.createTask(project.id, 'd');
  await startClient(page, options);
  await watchProject(page, project.id);
  const cached = await waitFor(async () => {
    const items = await view(page);
    return items.length === 3 && items;
  }, { timeoutMs: 5_000, what: `the cached tasks without a server connection (stored: ${JSON.stringify(await storedInIndexedDb(page))})` });
  assert.deepEqual(cached, ['a@1', 'b@1', 'c@1']);

  const subscribesBefore = network.subscribes.length;
  network.up = true;
  await waitFor(async () => JSON.stringify(await view(page)) === JSON.stringify(['a, renamed@2', 'b@1', 'c@1', 'd@1']),
    { timeoutMs: 30_000, what: 'the changes made while away' }).catch(async (error) => {
    const state = await page.evaluate(() => ({ leader: window.store.isLeader, errors: window.errors, listError: JSON.stringify(window.list.error ?? null) }));
    throw new Error(`${error.message}; view ${JSON.stringify(await view(page))}; subscribes ${JSON.stringify(network.subscribes)}; attempts ${network.attempts}; ${JSON.stringify(state)}`);
  });
  const resumed = network.subscribes.slice(subscribesBefore);
  assert.ok(resumed.length >= 1 && resumed.every((v) => typeof v.since === 'number'), `resumed with since: ${JSON.stringify(resumed)}`);
  await context.close();
});
