import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { createClient } from '../src/client.js';
import type { ClientOptions, CollectionStoreClient } from '../src/types.js';
import { FakeServer, waitFor } from './fake-server.js';

const open: CollectionStoreClient[] = [];
let ns = 0;

function tab(server: FakeServer, namespace: string, extra: Partial<ClientOptions> = {}): CollectionStoreClient {
  const c = createClient({ url: 'http://localhost/graphql', namespace, leaderElection: 'broadcast', transportFactory: server.transport, ...extra });
  open.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const SUB = 'subscription($since: Long) { taskChanged(since: $since) { kind sequence task { id version title } } }';

test('Election_TwoTabs_ExactlyOneLeaderAndOneConnection', async () => {
  const server = new FakeServer();
  const name = `t${++ns}`;
  const a = tab(server, name);
  const b = tab(server, name);
  await Promise.all([a.ready, b.ready]);
  await waitFor(() => a.isLeader !== b.isLeader, 'one leader');
  assert.equal(server.connections, 1);
});

test('Query_FromFollower_RunsOnLeaderConnection', async () => {
  const server = new FakeServer();
  server.write('Task', 'create', { id: 't1', title: 'a' });
  const name = `t${++ns}`;
  const a = tab(server, name);
  await waitFor(() => a.isLeader, 'a leads');
  const b = tab(server, name);
  const r = await b.query('query { task(id: $id) { id title } }', { id: 't1' });
  assert.equal(r.data.task.title, 'a');
  assert.equal(b.isLeader, false);
  assert.equal(server.connections, 1);
});

test('Subscribe_IdenticalFromTwoTabs_OneServerSubscriptionEachSinkOnce', async () => {
  const server = new FakeServer();
  const name = `t${++ns}`;
  const a = tab(server, name);
  await waitFor(() => a.isLeader, 'a leads');
  const b = tab(server, name);
  const got: Record<string, number[]> = { a1: [], a2: [], b: [] };
  const sink = (k: string) => ({ next: (r: any) => got[k]!.push(r.data.taskChanged.sequence) });
  a.subscribe(SUB, {}, sink('a1'));
  a.subscribe(SUB, {}, sink('a2'));
  b.subscribe(SUB, {}, sink('b'));
  await waitFor(() => server.activeSubscriptions === 1, 'server subscription');
  // Let b's request reach the leader before writing: it shares the same server subscription.
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  for (let i = 0; i < 5; i++) server.write('Task', 'create', { title: `x${i}` });
  await waitFor(() => got.b!.length === 5 && got.a1!.length === 5 && got.a2!.length === 5, 'all events');
  assert.deepEqual(got.b, [1, 2, 3, 4, 5]);
  assert.deepEqual(got.a1, [1, 2, 3, 4, 5]);
  assert.equal(server.activeSubscriptions, 1);
});

test('Failover_LeaderCloses_FollowerResumesWithSinceNoLossNoDuplicate', async () => {
  const server = new FakeServer();
  const name = `t${++ns}`;
  const a = tab(server, name);
  await waitFor(() => a.isLeader, 'a leads');
  const b = tab(server, name);
  const seen: number[] = [];
  b.subscribe(SUB, {}, { next: (r) => seen.push(r.data.taskChanged.sequence) });
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  for (let i = 0; i < 3; i++) server.write('Task', 'create', { title: `x${i}` });
  await waitFor(() => seen.length === 3, 'first events');
  const started = Date.now();
  await a.close();
  open.splice(open.indexOf(a), 1);
  // Writes while nobody leads must be replayed by the new leader's subscription.
  for (let i = 3; i < 6; i++) server.write('Task', 'create', { title: `x${i}` });
  await waitFor(() => b.isLeader, 'b takes over', 2000);
  const takeover = Date.now() - started;
  await waitFor(() => seen.length >= 6, 'resumed events');
  for (let i = 6; i < 8; i++) server.write('Task', 'create', { title: `x${i}` });
  await waitFor(() => seen.length >= 8, 'live events');
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.ok(takeover < 1000, `takeover took ${takeover} ms`);
});

test('Failover_LeaderCrashes_NoResign_TakeoverUnderOneSecond', async () => {
  const server = new FakeServer();
  const name = `t${++ns}`;
  const a = tab(server, name);
  await waitFor(() => a.isLeader, 'a leads');
  const b = tab(server, name);
  const seen: number[] = [];
  b.subscribe(SUB, {}, { next: (r) => seen.push(r.data.taskChanged.sequence) });
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  server.write('Task', 'create', { title: 'x' });
  await waitFor(() => seen.length === 1, 'event');
  // A crash: the leader's timers and channel stop without a goodbye.
  const group = (a as any).group;
  group.election.heartbeat && clearInterval(group.election.heartbeat);
  clearInterval(group.election.watchdog);
  clearInterval(group.router.heartbeat);
  group.bus.closed = true;
  await group.hub.close();
  const started = Date.now();
  server.write('Task', 'create', { title: 'y' });
  await waitFor(() => b.isLeader, 'b takes over', 2000);
  assert.ok(Date.now() - started < 1000, 'takeover under a second');
  await waitFor(() => seen.length === 2, 'replayed');
  assert.deepEqual(seen, [1, 2]);
  group.bus.closed = false;
});

test('Subscribe_LaterTabBehind_LeaderReplaysFromItsPositionAndOthersDropRepeats', async () => {
  const server = new FakeServer();
  const name = `t${++ns}`;
  const a = tab(server, name);
  await waitFor(() => a.isLeader, 'a leads');
  const seenA: number[] = [];
  a.subscribe(SUB, {}, { next: (r) => seenA.push(r.data.taskChanged.sequence) });
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  for (let i = 0; i < 4; i++) server.write('Task', 'create', { title: `x${i}` });
  await waitFor(() => seenA.length === 4, 'a has 4');
  // A tab that had applied only up to 2 (e.g. it resumes from its own saved position) joins.
  const b = tab(server, name);
  const seenB: number[] = [];
  b.subscribe(SUB, { since: 2 }, { next: (r) => seenB.push(r.data.taskChanged.sequence) });
  await waitFor(() => seenB.length === 2, 'b replayed 3 and 4');
  server.write('Task', 'create', { title: 'x4' });
  await waitFor(() => seenA.length === 5 && seenB.length === 3, 'live for both');
  assert.deepEqual(seenA, [1, 2, 3, 4, 5]);
  assert.deepEqual(seenB, [3, 4, 5]);
  assert.equal(server.activeSubscriptions, 1);
});
