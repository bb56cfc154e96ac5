// Three tabs of one browser share ONE server connection, and identical subscriptions become one server
// subscription, while every tab's app code still receives every event exactly once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTab } from '../lib/browser.mjs';
import { inProject, taskChanges } from '../lib/documents.mjs';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

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

async function openTabs(count, transport) {
  const context = await browser.newContext();
  const pages = [];
  for (let i = 0; i < count; i++) pages.push(await openTab(context, server.origin, { password: adminPassword, transport }));
  return { context, pages };
}

const eventsOf = (page, key) => page.evaluate((k) => window.events[k] ?? [], key);

test('ThreeTabs_OneSubscriptionEach_OneServerConnectionAndEveryTabGetsEveryEvent', async () => {
  const project = await api.createProject('three tabs');
  const { context, pages } = await openTabs(3);
  const variables = inProject(project.id);
  for (const page of pages) await page.evaluate(({ d, v }) => window.record('tasks', d, v), { d: taskChanges, v: variables });
  await waitFor(async () => (await api.metrics()).subscriptions.active === 1, { what: 'the shared subscription to be live' });

  const created = [];
  for (let i = 0; i < 10; i++) created.push((await api.createTask(project.id, `task ${i}`)).id);

  for (const page of pages) {
    const events = await waitFor(async () => {
      const e = await eventsOf(page, 'tasks');
      return e.length >= created.length && e;
    }, { what: 'every tab to receive the 10 events' });
    assert.deepEqual(events.map((e) => e.data.taskChanged.task.id), created);
    assert.ok(events.every((e) => e.data.taskChanged.kind === 'ADDED'));
  }
  const metrics = await api.metrics();
  console.log(`MEASURED: 3 tabs, 1 subscription each -> connections.active=${metrics.connections.active}, subscriptions.active=${metrics.subscriptions.active}`);
  assert.equal(metrics.connections.active, 1);
  assert.equal(metrics.subscriptions.active, 1);
  await context.close();
  await waitFor(async () => (await api.metrics()).connections.active === 0, { what: 'the connection to end with the browser context' });
});

async function fiveIdenticalSubscriptionsInThreeTabs(transport) {
  const project = await api.createProject(`three tabs five subscriptions ${transport}`);
  const { context, pages } = await openTabs(3, transport);
  const variables = inProject(project.id);
  for (const page of pages) {
    for (let s = 0; s < 5; s++) await page.evaluate(({ d, v, k }) => window.record(k, d, v), { d: taskChanges, v: variables, k: `s${s}` });
  }
  await waitFor(async () => (await api.metrics()).subscriptions.active >= 1, { what: 'the subscription to be live' });

  const created = [];
  for (let i = 0; i < 5; i++) created.push((await api.createTask(project.id, `task ${i}`)).id);

  for (const page of pages) {
    for (let s = 0; s < 5; s++) {
      const events = await waitFor(async () => {
        const e = await eventsOf(page, `s${s}`);
        return e.length >= created.length && e;
      }, { what: `subscription ${s} of every tab to receive the 5 events` });
      assert.deepEqual(events.map((e) => e.data.taskChanged.task.id), created);
    }
  }
  const metrics = await api.metrics();
  console.log(`MEASURED (${transport}): 3 tabs x 5 identical subscriptions -> connections.active=${metrics.connections.active}, subscriptions.active=${metrics.subscriptions.active}, cohorts=${metrics.subscriptions.cohorts}`);
  assert.equal(metrics.connections.active, 1);
  assert.equal(metrics.subscriptions.active, 1);
  const errors = await Promise.all(pages.map((p) => p.evaluate(() => window.errors)));
  assert.deepEqual(errors, [[], [], []]);
  await context.close();
  await waitFor(async () => (await api.metrics()).connections.active === 0, { what: 'the connection to end with the browser context' });
}

test('ThreeTabsFiveIdenticalSubscriptionsEach_OneConnectionOneServerSubscription_EachSinkGetsEachEventOnce', async () => {
  await fiveIdenticalSubscriptionsInThreeTabs('graphql-ws');
});

test('ThreeTabsFiveIdenticalSubscriptionsEach_SseSingleConnection_OneStreamOneServerSubscription', async () => {
  await fiveIdenticalSubscriptionsInThreeTabs('sse');
});
