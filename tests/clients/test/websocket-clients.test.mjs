// Real npm WebSocket clients against a running server (tests/run.sh passes its URL in GRAPHQL_URL):
// graphql-ws (including reconnect + resume with `since`), @apollo/client with GraphQLWsLink, and the legacy
// subscriptions-transport-ws client. The last test checks that every resource was released.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { ApolloClient, InMemoryCache, gql as apolloGql } from '@apollo/client/core/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import transport from 'subscriptions-transport-ws';
// Apollo's link checks errors against the global WebSocket, which Node 20 lacks.
globalThis.WebSocket ??= WebSocket;

import { Queue, createTask, deleteTask, metrics, probingSink, uniquePrefix, updateTask, waitFor, waitUntilLive, wsUrl } from '../lib/ws-helpers.mjs';

const CHANGES = `subscription($p: String!, $since: Long) {
  taskChanged(where: { title: { startsWith: $p }, done: { eq: false } }, since: $since) {
    kind operation sequence task { id title done }
  }
}`;

/** Subscribes and waits until a probe document arrives, so the subscription is live before the test writes. */
async function subscribeLive(client, prefix, extraVariables = {}) {
  const { events, probes, sink } = probingSink(prefix);
  const payload = { query: CHANGES, variables: { p: prefix, ...extraVariables } };
  const unsubscribe = client.subscribe(payload, sink);
  const probe = await waitUntilLive(probes, prefix);
  return { events, unsubscribe, payload, probe: probe.data.taskChanged };
}

const change = (event) => {
  assert.equal(event.errors, undefined, JSON.stringify(event.errors));
  const { kind, operation, task } = event.data.taskChanged;
  return `${kind}/${operation}/${task.title}/${task.done}`;
};

describe('graphql-ws client', () => {
  test('receives ADDED, UPDATED and REMOVED for creates, updates into and out of the filter, and deletes', async () => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const prefix = uniquePrefix();
      const { events, unsubscribe } = await subscribeLive(client, prefix);
      const id = await createTask(`${prefix}a`);
      await updateTask(id, { title: `${prefix}b` });
      await updateTask(id, { done: true });
      await updateTask(id, { title: `${prefix}hidden` });
      await updateTask(id, { done: false });
      await deleteTask(id);
      await createTask(`other-${prefix}`);
      const seen = [];
      for (let i = 0; i < 5; i++) {
        seen.push(change(await events.take()));
      }
      unsubscribe();

      assert.deepEqual(seen, [
        `ADDED/CREATED/${prefix}a/false`,
        `UPDATED/UPDATED/${prefix}b/false`,
        `REMOVED/UPDATED/${prefix}b/false`,
        `ADDED/UPDATED/${prefix}hidden/false`,
        `REMOVED/DELETED/${prefix}hidden/false`,
      ]);
      assert.equal(events.size, 0);
    } finally {
      await client.dispose();
    }
  });

  test('complete stops the operation while another one keeps receiving', async () => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const prefix = uniquePrefix();
      const stopped = await subscribeLive(client, prefix);
      const kept = await subscribeLive(client, prefix);
      stopped.unsubscribe();

      await createTask(`${prefix}after`);
      const received = await kept.events.take();

      assert.equal(received.data.taskChanged.task.title, `${prefix}after`);
      // The client's own sink.complete() may be queued; no data may follow the client's complete.
      while (stopped.events.size > 0) {
        assert.deepEqual(await stopped.events.take(), { complete: true });
      }
      kept.unsubscribe();
    } finally {
      await client.dispose();
    }
  });

  test('reconnects after the socket dies and resumes with since, receiving exactly the missed changes', async () => {
    const sockets = [];
    class TrackedWebSocket extends WebSocket {
      constructor(...args) {
        super(...args);
        sockets.push(this);
      }
    }
    const connected = new Queue();
    const client = createClient({
      url: wsUrl,
      webSocketImpl: TrackedWebSocket,
      retryAttempts: 5,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 300)),
      shouldRetry: () => true,
      on: { connected: () => connected.push(true) },
    });
    try {
      const prefix = uniquePrefix();
      const { events, payload, probe, unsubscribe } = await subscribeLive(client, prefix, { since: null });
      await connected.take();
      let last = probe.sequence;
      // The client re-sends this payload on reconnect: resume after the last sequence seen.
      payload.variables.since = last;

      sockets.at(-1).terminate();
      const missed = [await createTask(`${prefix}m1`), await createTask(`${prefix}m2`), await createTask(`${prefix}m3`)];
      await connected.take();
      const after = [];
      for (let i = 0; i < 3; i++) {
        const event = (await events.take()).data.taskChanged;
        assert.ok(event.sequence > last, `sequence ${event.sequence} after ${last}`);
        last = event.sequence;
        after.push(event.task.id);
      }
      await createTask(`${prefix}live`);
      const live = (await events.take()).data.taskChanged;

      assert.deepEqual(after, missed);
      assert.equal(live.task.title, `${prefix}live`);
      assert.ok(sockets.length >= 2);
      assert.equal(events.size, 0);
      unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});

describe('@apollo/client with GraphQLWsLink', () => {
  test('runs a subscription and a query on the same client', async () => {
    const wsClient = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const apollo = new ApolloClient({ link: new GraphQLWsLink(wsClient), cache: new InMemoryCache() });
    try {
      const prefix = uniquePrefix();
      const { events, probes, sink } = probingSink(prefix);
      const subscription = apollo.subscribe({ query: apolloGql(CHANGES), variables: { p: prefix } }).subscribe(sink);
      await waitUntilLive(probes, prefix);
      await createTask(`${prefix}apollo`);
      const first = await events.take();
      const query = await apollo.query({ query: apolloGql('query { tasks(first: 1) { nodes { id } } }'), fetchPolicy: 'network-only' });

      assert.equal(first.data.taskChanged.kind, 'ADDED');
      assert.equal(first.data.taskChanged.task.title, `${prefix}apollo`);
      assert.ok(Array.isArray(query.data.tasks.nodes));
      subscription.unsubscribe();
    } finally {
      apollo.stop();
      await wsClient.dispose();
    }
  });
});

describe('subscriptions-transport-ws client (legacy protocol)', () => {
  test('subscribes and receives an event', async () => {
    const client = new transport.SubscriptionClient(wsUrl, { reconnect: false }, WebSocket);
    try {
      const prefix = uniquePrefix();
      const { events, probes, sink } = probingSink(prefix);
      const subscription = client.request({ query: CHANGES, variables: { p: prefix } }).subscribe(sink);
      await waitUntilLive(probes, prefix);
      const id = await createTask(`${prefix}legacy`);
      const event = await events.take();

      assert.equal(event.errors, undefined);
      assert.equal(event.data.taskChanged.kind, 'ADDED');
      assert.equal(event.data.taskChanged.task.id, id);
      subscription.unsubscribe();
    } finally {
      client.close();
    }
  });
});

describe('resources', () => {
  test('after every client disconnected, no subscription and no connection is left', async () => {
    await waitFor(async () => {
      const m = await metrics();
      return m.subscriptions.active === 0 && m.connections.active === 0;
    });
    const m = await metrics();

    assert.equal(m.subscriptions.active, 0);
    assert.equal(m.subscriptions.cohorts, 0);
    assert.equal(m.connections.active, 0);
  });
});
