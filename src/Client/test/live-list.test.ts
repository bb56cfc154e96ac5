import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Doc } from '../src/types.js';
import { FakeServer, waitFor } from './fake-server.js';
import { Tabs } from './helpers.js';

let tabs: Tabs;
afterEach(() => tabs.closeAll());

const ids = (items: Doc[]) => items.map((d) => d.id);

test('Watch_InitialQueryThenEvents_ListStaysFilteredAndSorted', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  server.write('Task', 'create', { id: 'a', title: 'A', done: false, priority: 2 });
  server.write('Task', 'create', { id: 'b', title: 'B', done: true, priority: 5 });
  server.write('Task', 'create', { id: 'c', title: 'C', done: false, priority: 9 });
  const client = tabs.tab();
  const list = client.watch('Task', { where: { done: { eq: false } }, order: [{ priority: 'DESC' }] });
  await waitFor(() => list.items.length === 2, 'initial items');
  assert.deepEqual(ids(list.items), ['c', 'a']);
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  server.write('Task', 'update', 'b', { done: false });
  await waitFor(() => list.items.length === 3, 'b joins the view');
  assert.deepEqual(ids(list.items), ['c', 'b', 'a']);
  server.write('Task', 'update', 'c', { done: true });
  await waitFor(() => !ids(list.items).includes('c'), 'c leaves the view');
  server.write('Task', 'delete', 'a');
  await waitFor(() => list.items.length === 1, 'a deleted');
  assert.deepEqual(ids(list.items), ['b']);
  assert.equal(client.cache('Task').get('a'), undefined);
  assert.equal(client.cache('Task').get('b')?.version, 2);
});

test('Watch_First_ShrinkingViewFetchesTheNextMembers', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  for (const [id, p] of [['a', 1], ['b', 2], ['c', 3]] as const) server.write('Task', 'create', { id, title: id, priority: p });
  const client = tabs.tab();
  const list = client.watch('Task', { order: [{ priority: 'ASC' }], first: 2 });
  await waitFor(() => list.items.length === 2, 'first page');
  assert.deepEqual(ids(list.items), ['a', 'b']);
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  server.write('Task', 'delete', 'a');
  await waitFor(() => ids(list.items).join() === 'b,c', 'c moves up');
});

test('Watch_TwoTabs_CachesAgreeAndOneServerSubscription', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  const a = tabs.tab();
  await waitFor(() => a.isLeader, 'a leads');
  const b = tabs.tab();
  const la = a.watch('Task', { where: { done: { eq: false } } });
  const lb = b.watch('Task', { where: { done: { eq: false } } });
  await waitFor(() => server.activeSubscriptions === 1, 'one shared subscription');
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  for (let i = 0; i < 20; i++) server.write('Task', 'create', { id: `t${String(i).padStart(2, '0')}`, title: `t${i}`, done: false });
  await waitFor(() => la.items.length === 20 && lb.items.length === 20, 'both lists complete');
  assert.deepEqual(ids(la.items), ids(lb.items));
  assert.equal(server.activeSubscriptions, 1);
  // A tab with no list still caches what its group saw.
  const c = tabs.tab();
  await c.ready;
  server.write('Task', 'update', 't00', { title: 'renamed' });
  await waitFor(() => c.cache('Task').get('t00')?.title === 'renamed', 'third tab cache');
  assert.equal(a.cache('Task').get('t00')?.version, 2);
});

test('Watch_ResyncRequired_RequeriesCleanly', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  server.write('Task', 'create', { id: 'a', title: 'a' });
  const client = tabs.tab();
  const list = client.watch('Task', {});
  await waitFor(() => list.items.length === 1, 'loaded');
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  // The leader's subscription fails as if its since had fallen out of retention.
  for (const s of [...server.subs]) s.sink.error?.({ errors: [{ message: 'gone', extensions: { code: 'RESYNC_REQUIRED' } }] });
  server.write('Task', 'create', { id: 'b', title: 'b' });
  await waitFor(() => list.items.length === 2, 're-queried');
  await waitFor(() => server.activeSubscriptions >= 1, 'resubscribed');
  server.write('Task', 'create', { id: 'c', title: 'c' });
  await waitFor(() => list.items.length === 3, 'live again');
});

test('Watch_LeaderFailover_ListResumesWithoutLossOrDuplicate', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  const a = tabs.tab();
  await waitFor(() => a.isLeader, 'a leads');
  const b = tabs.tab();
  const list = b.watch('Task', {});
  const renders: number[] = [];
  list.subscribe((items) => renders.push(items.length));
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  for (let i = 0; i < 50; i++) server.write('Task', 'create', { id: `x${String(i).padStart(3, '0')}`, title: 'x' });
  await tabs.close(a);
  for (let i = 50; i < 100; i++) server.write('Task', 'create', { id: `x${String(i).padStart(3, '0')}`, title: 'x' });
  await waitFor(() => b.isLeader, 'b leads');
  await waitFor(() => list.items.length === 100, 'all 100');
  assert.equal(new Set(ids(list.items)).size, 100);
});

test('Watch_OwnWriteConfirmedBeforeItsEvent_ListNeverBlinks', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  server.write('Task', 'create', { id: 'a', title: 'a', done: true });
  const client = tabs.tab();
  const list = client.watch('Task', { where: { done: { eq: false } } });
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  const renders: string[] = [];
  list.subscribe((items) => renders.push(ids(items).join()));
  server.held = [];
  await client.create('Task', { id: 'n', title: 'new', done: false });
  await client.update('Task', 'a', { done: false });
  await waitFor(() => list.items.length === 2, 'both shown');
  server.releaseEvents();
  await client.query('query { task(id: $id) { id } }', { id: 'x' });
  assert.deepEqual(ids(list.items), ['a', 'n']);
  // Once shown, neither document disappeared in between.
  const firstWithN = renders.findIndex((r) => r.includes('n'));
  assert.ok(renders.slice(firstWithN).every((r) => r.includes('n')), renders.join(' | '));
  const firstWithA = renders.findIndex((r) => r.includes('a'));
  assert.ok(renders.slice(firstWithA).every((r) => r.includes('a')), renders.join(' | '));
});
