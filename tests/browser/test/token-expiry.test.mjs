// Access tokens live 4 s on this server: the leader's connection is closed (4403) as each one expires, the
// client asks getToken() for a fresh one and resumes with `since`. App code sees no error and no lost or
// doubled event while another process writes across several expiries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { leaderIndex, openTab } from '../lib/browser.mjs';
import { inProject, taskChanges } from '../lib/documents.mjs';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

let setup;
let server;
let browser;
let api;

before(async () => {
  setup = await startSetup({ accessTokenLifetime: '00:00:04', clockSkew: '00:00:01' });
  ({ server, browser, api } = setup);
});

after(async () => {
  await setup?.stop();
});

test('TokenExpiresMidStream_TwoTabs_NewTokenFromGetTokenAndNoEventLostOrDoubled', async () => {
  const project = await api.createProject('token expiry');
  const context = await browser.newContext();
  const pages = [await openTab(context, server.origin, { password: adminPassword }),
    await openTab(context, server.origin, { password: adminPassword })];
  for (const page of pages) await page.evaluate(({ d, v }) => window.record('tasks', d, v), { d: taskChanges, v: inProject(project.id) });
  await waitFor(async () => (await api.metrics()).subscriptions.active === 1, { what: 'the shared subscription to be live' });
  const leader = pages[await waitFor(async () => {
    const index = await leaderIndex(pages);
    return index >= 0 && String(index);
  }, { what: 'a leader' })];
  const loginsAtStart = await leader.evaluate(() => window.logins);

  // Writes go on, each one awaited in every tab, until the leader has needed three fresh tokens (at least
  // two expiries on the live connection, about 10 s); bounded by a deadline and a count.
  const written = [];
  const deadline = Date.now() + 40_000;
  while ((await leader.evaluate(() => window.logins)) < loginsAtStart + 3) {
    assert.ok(Date.now() < deadline && written.length < 2000, `the leader kept its token (${written.length} writes)`);
    written.push((await api.createTask(project.id, `change ${written.length}`)).id);
    for (const page of pages) {
      await waitFor(async () => (await page.evaluate(() => window.events.tasks.length)) >= written.length,
        { timeoutMs: 10_000, what: `change ${written.length} in every tab` });
    }
  }

  for (const page of pages) {
    const events = await page.evaluate(() => window.events.tasks.map((e) => e.data.taskChanged));
    assert.deepEqual(events.map((e) => e.task.id), written, 'every change once, in order');
    assert.deepEqual(await page.evaluate(() => window.errors), [], 'no error reached app code');
  }
  const metrics = await api.metrics();
  console.log(`MEASURED token expiry: ${written.length} changes across ${(await leader.evaluate(() => window.logins)) - loginsAtStart} token renewals; connections.active=${metrics.connections.active}`);
  assert.equal(metrics.connections.active, 1);
  await context.close();
});
