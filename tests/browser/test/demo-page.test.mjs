// The demo page served by the server in Development: sign in, see the project's tasks, watch a change made by
// another process arrive live, edit in one tab and see it in the other; a screenshot with live data.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { adminPassword } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startSetup } from '../lib/setup.mjs';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
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

async function signedInDemo(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.origin}/demo`);
  await page.fill('#signin input[name=username]', 'admin');
  await page.fill('#signin input[name=password]', adminPassword);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#board:not([hidden])');
  return { page, problems };
}

const titles = (page) => page.$$eval('[data-testid=task] .title', (inputs) => inputs.map((i) => i.value));

test('DemoPage_SignedInTwoTabs_ShowsTasksLiveAndEditsReachTheOtherTab_Screenshot', async () => {
  const project = await api.createProject('Launch');
  await api.createTask(project.id, 'Write the announcement', { priority: 3 });
  await api.createTask(project.id, 'Record the demo video', { priority: 2 });
  await api.createTask(project.id, 'Ship the release', { priority: 1, done: true });
  const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
  const first = await signedInDemo(context);
  const second = await signedInDemo(context);

  for (const { page } of [first, second]) {
    await waitFor(async () => (await titles(page)).length === 3, { what: 'the three tasks on the board' });
    assert.deepEqual(await titles(page), ['Write the announcement', 'Record the demo video', 'Ship the release']);
  }

  // Another process writes: both tabs show it without reloading.
  await api.createTask(project.id, 'Tell the team', { priority: 5 });
  for (const { page } of [first, second]) {
    await waitFor(async () => (await titles(page))[0] === 'Tell the team', { what: 'the new task to arrive live' });
  }

  // One tab ticks a task off and adds one through the form; the other tab follows.
  await first.page.check('[data-testid=task][data-title="Record the demo video"] input[type=checkbox]');
  await first.page.fill('[data-testid=new-task-title]', 'Answer the first questions');
  await first.page.click('#new-task button[type=submit]');
  await waitFor(async () => {
    const done = await second.page.$$eval('[data-testid=task].done .title', (inputs) => inputs.map((i) => i.value));
    return done.includes('Record the demo video') && (await titles(second.page)).includes('Answer the first questions');
  }, { what: 'the second tab to show the first tab\'s edits' });
  await waitFor(async () => (await first.page.textContent('[data-testid=pending-count]')) === '0', { what: 'no pending writes' });
  const stored = await api.execute('query($p: ID!) { tasks(where: { projectId: { eq: $p } }) { totalCount } }', { p: project.id });
  assert.equal(stored.tasks.totalCount, 5);

  const status = await Promise.all([first.page, second.page].map((p) => p.textContent('[data-testid=status]')));
  assert.equal(status.filter((s) => s.includes('this tab holds the connection')).length, 1);
  assert.equal((await api.metrics()).connections.active, 1);

  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, 'demo.png');
  await first.page.screenshot({ path: file, fullPage: true });
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(statSync(file).size > 20_000, `a screenshot with content (${statSync(file).size} bytes)`);
  console.log(`ARTIFACT ${file} (${statSync(file).size} bytes)`);
  assert.deepEqual([...first.problems, ...second.problems], []);
  await context.close();
});

test('DemoPage_WrongPassword_SaysSoAndStaysSignedOut', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo`);
  await page.fill('#signin input[name=password]', 'not the password');
  await page.click('#signin button[type=submit]');
  await waitFor(async () => (await page.textContent('#signin-error')).length > 0, { what: 'the sign-in error' });
  assert.equal(await page.isHidden('#board'), true);
  await context.close();
});
