// Writes made while the browser is offline are queued, shown as pending, and land in order after reconnect.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTab } from '../lib/browser.mjs';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

const collections = { Task: { fields: 'id version projectId title done priority' } };
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

const storedTasks = async (projectId) => (await api.execute(
  'query($p: ID!) { tasks(where: { projectId: { eq: $p } }, order: [{ createdAt: ASC }]) { nodes { id version title done } } }',
  { p: projectId },
)).tasks.nodes;

async function offlineScenario(goOffline, goOnline) {
  const project = await api.createProject(`offline ${Math.random()}`);
  const existing = await api.createTask(project.id, 'existing');
  const context = await browser.newContext();
  const pages = [await openTab(context, server.origin, { password: adminPassword, collections }),
    await openTab(context, server.origin, { password: adminPassword, collections })];
  for (const page of pages) {
    await page.evaluate((p) => {
      window.list = window.store.watch('Task', { where: { projectId: { eq: p } } });
      window.list.subscribe(() => {});
    }, project.id);
    await waitFor(() => page.evaluate(() => window.list.items.length === 1), { what: 'the existing task' });
  }
  const [writer, other] = pages;

  await goOffline(context, writer);
  await writer.evaluate(({ p, existingId }) => {
    window.outcomes = [];
    const track = (promise) => promise.then(() => window.outcomes.push('ok'), (e) => window.outcomes.push(String(e.message)));
    track(window.store.create('Task', { projectId: p, title: 'offline 1' }));
    track(window.store.create('Task', { projectId: p, title: 'offline 2' }));
    track(window.store.update('Task', existingId, { title: 'existing, edited offline' }));
    track(window.store.create('Task', { projectId: p, title: 'offline 3' }));
  }, { p: project.id, existingId: existing.id });
  const pending = await waitFor(async () => {
    const list = await writer.evaluate(() => window.store.pending.list());
    return list.length === 4 && list;
  }, { what: 'four queued writes' });
  assert.deepEqual(pending.map((w) => w.kind), ['create', 'create', 'update', 'create']);
  assert.ok(pending.every((w) => w.state === 'queued' || w.state === 'sending'), JSON.stringify(pending));
  // Shown at once in the writing tab, nothing reached the server.
  assert.equal(await writer.evaluate(() => window.list.items.length), 4);
  assert.deepEqual((await storedTasks(project.id)).map((t) => t.title), ['existing']);

  await goOnline(context, writer);
  await waitFor(async () => (await writer.evaluate(() => window.outcomes.length)) === 4, { timeoutMs: 15_000, what: 'every queued write to settle' });
  assert.deepEqual(await writer.evaluate(() => window.outcomes), ['ok', 'ok', 'ok', 'ok']);
  const stored = await storedTasks(project.id);
  assert.deepEqual(stored.map((t) => t.title), ['existing, edited offline', 'offline 1', 'offline 2', 'offline 3'], 'in the order written');
  assert.equal(stored[0].version, 2);
  for (const page of [writer, other]) {
    await waitFor(async () => {
      const items = await page.evaluate(() => window.list.items.map((d) => `${d.title}@${d.version}`).sort());
      return JSON.stringify(items) === JSON.stringify(stored.map((t) => `${t.title}@${t.version}`).sort());
    }, { what: 'both tabs to show the stored tasks' });
  }
  assert.deepEqual(await writer.evaluate(() => window.store.pending.list()), []);
  await context.close();
}

test('OfflineWrites_ClientOnlineFalse_QueuedThenReplayedInOrder', async () => {
  await offlineScenario(
    (_context, page) => page.evaluate(() => { window.store.online = false; }),
    (_context, page) => page.evaluate(() => { window.store.online = true; }),
  );
});

test('OfflineWrites_BrowserNetworkOffline_QueuedThenReplayedInOrder', async () => {
  await offlineScenario(
    (context) => context.setOffline(true),
    (context) => context.setOffline(false),
  );
});

test('OfflineEdit_SameTaskChangedInAnotherBrowserMeanwhile_ConflictsOnReconnectAndServerWins', async () => {
  const project = await api.createProject('offline conflict');
  const task = await api.createTask(project.id, 'before');
  const offlineContext = await browser.newContext();
  const onlineContext = await browser.newContext();
  const offline = await openTab(offlineContext, server.origin, { password: adminPassword, collections });
  const online = await openTab(onlineContext, server.origin, { password: adminPassword, collections });
  for (const page of [offline, online]) {
    await page.evaluate((p) => {
      window.list = window.store.watch('Task', { where: { projectId: { eq: p } } });
      window.list.subscribe(() => {});
    }, project.id);
    await waitFor(() => page.evaluate(() => window.list.items.length === 1), { what: 'the task' });
  }

  await offlineContext.setOffline(true);
  await offline.evaluate((id) => {
    window.outcome = window.store.update('Task', id, { title: 'edited offline' }).then((d) => d, (e) => ({ error: String(e.message) }));
  }, task.id);
  await waitFor(async () => (await offline.evaluate(() => window.store.pending.list().length)) === 1, { what: 'the queued edit' });
  // Meanwhile the other browser, online, edits the same task first.
  await online.evaluate((id) => window.store.update('Task', id, { title: 'edited online' }), task.id);
  assert.equal((await api.task(task.id)).version, 2);

  await offlineContext.setOffline(false);
  const outcome = await offline.evaluate(() => window.outcome);
  // Server-wins (the default): the offline edit, based on version 1, is dropped for the server's state.
  assert.deepEqual({ title: outcome.title, version: outcome.version }, { title: 'edited online', version: 2 });
  const stored = await api.task(task.id);
  assert.deepEqual({ title: stored.title, version: stored.version }, { title: 'edited online', version: 2 });
  await waitFor(async () => (await offline.evaluate(() => window.list.items[0].title)) === 'edited online', { what: 'the server state in the offline browser' });
  assert.deepEqual(await offline.evaluate(() => window.store.pending.list()), []);
  await offlineContext.close();
  await onlineContext.close();
});
