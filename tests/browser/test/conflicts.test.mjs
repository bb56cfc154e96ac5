// Two tabs (in two browsers, each with its own connection and cache) edit the same task at the same time: the
// second write reaches the server with a stale expectedVersion, gets VERSION_CONFLICT, and the collection's
// conflict strategy decides. "At the same time" is made deterministic by holding back the change events the
// server sends to the first browser until both writes are done, as a slow network would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTab } from '../lib/browser.mjs';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

const fields = 'id version projectId title done priority';
let setup;
let server;
let browser;
let api;
let project;

before(async () => {
  setup = await startSetup();
  ({ server, browser, api } = setup);
  project = await api.createProject('conflicts');
});

after(async () => {
  await setup?.stop();
});

/** A browser whose change events can be held back (the WebSocket passes through the test). */
async function slowBrowser(conflict) {
  const context = await browser.newContext();
  const held = { on: false, messages: [], release: () => {}, expectedVersions: [] };
  await context.routeWebSocket(/\/graphql$/, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      const message = typeof m === 'string' ? JSON.parse(m) : null;
      if (message?.payload?.query?.includes('updateTask')) held.expectedVersions.push(message.payload.variables.expectedVersion);
      upstream.send(m);
    });
    upstream.onMessage((m) => {
      if (held.on && typeof m === 'string' && m.includes('taskChanged')) held.messages.push(m);
      else ws.send(m);
    });
    held.release = () => {
      held.on = false;
      for (const m of held.messages.splice(0)) ws.send(m);
    };
  });
  const page = await openTab(context, server.origin, { password: adminPassword, collections: { Task: { fields, conflict } } });
  return { context, page, held };
}

async function watchTask(page, taskId) {
  await page.evaluate((id) => {
    window.list = window.store.watch('Task', { where: { id: { eq: id } } });
    window.list.subscribe(() => {});
  }, taskId);
  return waitFor(() => page.evaluate(() => window.list.items[0]), { what: 'the watched task' });
}

async function conflictScenario(conflict) {
  const task = await api.createTask(project.id, 'original title', { priority: 1 });
  const first = await slowBrowser(conflict);
  const secondContext = await browser.newContext();
  const second = await openTab(secondContext, server.origin, { password: adminPassword, collections: { Task: { fields } } });
  await watchTask(first.page, task.id);
  await watchTask(second, task.id);

  first.held.on = true;
  // The second tab's edit lands first (v1 -> v2); the first tab has not heard of it yet.
  await second.evaluate((id) => window.store.update('Task', id, { priority: 9 }), task.id);
  const outcome = await first.page.evaluate(async (id) => {
    const title = 'title from the first tab';
    const seen = new Promise((done) => window.list.subscribe((items) => items[0]?.title === title && done('optimistic')));
    const optimistic = window.store.update('Task', id, { title });
    try {
      // The app sees its edit before the server has answered (the answer needs a conflict round trip).
      const shown = await Promise.race([seen, optimistic.then(() => 'confirmed first')]);
      return { shown, doc: await optimistic };
    } catch (error) {
      return { error: String(error.message) };
    }
  }, task.id);
  first.held.release();
  assert.equal(outcome.error, undefined);
  assert.equal(outcome.shown, 'optimistic', 'the edit shows at once');

  const stored = await api.task(task.id);
  const caches = await waitFor(async () => {
    const docs = await Promise.all([first.page, second].map((p) => p.evaluate((id) => window.list.items[0], task.id)));
    return docs.every((d) => d?.version === stored.version) && docs;
  }, { what: 'both browsers to show the stored version' });
  for (const doc of caches) {
    assert.equal(doc.title, stored.title);
    assert.equal(doc.priority, stored.priority);
  }
  const pending = await first.page.evaluate(() => window.store.pending.list());
  assert.deepEqual(pending, []);
  await first.context.close();
  await secondContext.close();
  return { ...stored, expectedVersions: first.held.expectedVersions };
}

test('SameTaskEditedInTwoTabs_ServerWins_FirstTabTakesTheServerState', async () => {
  const stored = await conflictScenario('server-wins');
  assert.deepEqual(stored.expectedVersions, [1], 'sent once with the stale version, then dropped');
  assert.deepEqual({ title: stored.title, priority: stored.priority, version: stored.version }, { title: 'original title', priority: 9, version: 2 });
});

test('SameTaskEditedInTwoTabs_ClientWins_FirstTabRetriesOnTheNewVersion', async () => {
  const stored = await conflictScenario('client-wins');
  assert.deepEqual(stored.expectedVersions, [1, 2], 'the stale write conflicted and was retried on the new version');
  assert.equal(stored.title, 'title from the first tab');
  assert.equal(stored.version, 3);
});

test('SameTaskEditedInTwoTabs_MergeFunction_KeepsBothEdits', async () => {
  const stored = await conflictScenario('merge-title');
  assert.deepEqual(stored.expectedVersions, [1, 2], 'the stale write conflicted and the merge was sent on the new version');
  assert.deepEqual({ title: stored.title, priority: stored.priority, version: stored.version }, { title: 'title from the first tab', priority: 9, version: 3 });
});
