import assert from 'node:assert/strict';
import { afterEach, before, test } from 'node:test';
import { FakeServer, waitFor } from './fake-server.js';
import { Tabs } from './helpers.js';

/**
 * An in-process Web Locks stand-in (exclusive locks, FIFO waiters, query of held names), so the
 * lock-based election and tab liveness run in Node as they do in a browser.
 */
class FakeLocks {
  private readonly held = new Map<string, { release: () => void }>();
  private readonly queues = new Map<string, Array<() => void>>();

  request(name: string, options: { signal?: AbortSignal }, cb: () => Promise<void> | void): Promise<void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          this.held.delete(name);
          const next = this.queues.get(name)?.shift();
          if (next) queueMicrotask(next);
        };
        this.held.set(name, { release });
        Promise.resolve(cb()).then(() => { release(); resolve(); }, (e) => { release(); reject(e); });
      };
      if (!this.held.has(name)) return grant();
      const queue = this.queues.get(name) ?? [];
      queue.push(grant);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(new Error('aborted'));
      });
    });
  }

  async query(): Promise<{ held: Array<{ name: string }> }> {
    return { held: [...this.held.keys()].map((name) => ({ name })) };
  }
}

before(() => {
  Object.defineProperty(globalThis, 'navigator', { value: { locks: new FakeLocks() }, configurable: true });
});

let tabs: Tabs;
afterEach(() => tabs.closeAll());

const SUB = 'subscription($since: Long) { taskChanged(since: $since) { kind sequence task { id } } }';

test('LockElection_LeaderCloses_NextTabTakesOverAndResumes', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  const a = tabs.tab({ leaderElection: 'auto' });
  await waitFor(() => a.isLeader, 'a holds the lock');
  const b = tabs.tab({ leaderElection: 'auto' });
  const c = tabs.tab({ leaderElection: 'auto' });
  await Promise.all([b.ready, c.ready]);
  const seen: Record<string, number[]> = { b: [], c: [] };
  b.subscribe(SUB, {}, { next: (r) => seen.b!.push(r.data.taskChanged.sequence) });
  c.subscribe(SUB, {}, { next: (r) => seen.c!.push(r.data.taskChanged.sequence) });
  await waitFor(() => server.activeSubscriptions === 1, 'one subscription');
  await b.query('query { task(id: $id) { id } }', { id: 'x' });
  await c.query('query { task(id: $id) { id } }', { id: 'x' });
  server.write('Task', 'create', { title: '1' });
  await waitFor(() => seen.b!.length === 1 && seen.c!.length === 1, 'first event');
  await tabs.close(a);
  server.write('Task', 'create', { title: '2' });
  await waitFor(() => b.isLeader || c.isLeader, 'a waiter got the lock', 1000);
  assert.equal(b.isLeader && c.isLeader, false);
  await waitFor(() => seen.b!.length === 2 && seen.c!.length === 2, 'resumed');
  assert.deepEqual(seen.b, [1, 2]);
  assert.deepEqual(seen.c, [1, 2]);
  assert.equal(server.connections, 1);
  assert.equal(server.activeSubscriptions, 1);
});

test('LockLiveness_FollowerGone_LeaderDropsItsSubscription', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  const a = tabs.tab({ leaderElection: 'auto' });
  await waitFor(() => a.isLeader, 'a leads');
  const b = tabs.tab({ leaderElection: 'auto' });
  b.subscribe(SUB, {}, { next: () => undefined });
  await waitFor(() => server.activeSubscriptions === 1, 'subscribed');
  // b vanishes without a goodbye: only its tab lock is released.
  const group = (b as any).group;
  group.bus.post = () => undefined;
  group.liveness.close();
  await waitFor(() => server.activeSubscriptions === 0, 'dropped the gone tab', 2000);
});
