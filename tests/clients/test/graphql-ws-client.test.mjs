// The reference graphql-ws client (npm `graphql-ws`) against the real server: view semantics, complete, and
// automatic reconnect resuming with `since` without losing or repeating a change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { activeSubscriptions, createProject, graphql, unique, waitFor, wsUrl } from './support.mjs';

const TASK_CHANGED = `subscription($p: ID, $since: Long) {
  taskChanged(where: { projectId: { eq: $p }, done: { eq: false } }, since: $since) { kind operation sequence task { id title done } }
}`;

test('graphql-ws client receives ADDED, UPDATED and REMOVED for writes into and out of its filter', async () => {
  const project = await createProject(unique('gws'));
  const baseline = await activeSubscriptions.current();
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  const events = [];
  const unsubscribe = client.subscribe(
    { query: TASK_CHANGED, variables: { p: project } },
    { next: (value) => events.push(value.data.taskChanged), error: (e) => assert.fail(JSON.stringify(e)), complete: () => {} },
  );
  await activeSubscriptions.reached(baseline + 1);

  const { createTask } = await graphql('mutation($p: ID!) { createTask(input: { projectId: $p, title: "a" }) { id } }', { p: project });
  const id = createTask.id;
  await graphql('mutation($id: ID!) { updateTask(id: $id, input: { title: "b" }) { id } }', { id });
  await graphql('mutation($id: ID!) { updateTask(id: $id, input: { done: true }) { id } }', { id });
  await graphql('mutation($id: ID!) { updateTask(id: $id, input: { done: false }) { id } }', { id });
  await graphql('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id });
  await waitFor(() => events.length === 5, 'five events');

  assert.deepEqual(events.map((e) => `${e.kind}/${e.operation}`), ['ADDED/CREATED', 'UPDATED/UPDATED', 'REMOVED/UPDATED', 'ADDED/UPDATED', 'REMOVED/DELETED']);
  assert.equal(events[1].task.title, 'b');
  // Unsubscribing sends `complete`: the server ends the operation and releases it.
  unsubscribe();
  await activeSubscriptions.reached(baseline, 'at most');
  await client.dispose();
});

test('graphql-ws client reconnects and resumes with since, receiving exactly the changes made while away', async () => {
  const project = await createProject(unique('resume'));
  const baseline = await activeSubscriptions.current();
  let socket;
  let releaseRetry;
  const retryGate = new Promise((resolve) => { releaseRetry = resolve; });
  const client = createClient({
    url: wsUrl,
    webSocketImpl: class extends WebSocket { constructor(...args) { super(...args); socket = this; } },
    shouldRetry: () => true,
    retryAttempts: 5,
    retryWait: () => retryGate,
  });
  const payload = { query: TASK_CHANGED, variables: { p: project, since: null } };
  const seen = [];
  const unsubscribe = client.subscribe(payload, {
    next: (value) => {
      const change = value.data.taskChanged;
      seen.push(change.task.title);
      // The client re-sends this payload when it resubscribes after a reconnect: resume after the last change seen.
      payload.variables.since = change.sequence;
    },
    error: (e) => assert.fail(JSON.stringify(e)),
    complete: () => {},
  });
  await activeSubscriptions.reached(baseline + 1);
  await graphql('mutation($p: ID!) { createTask(input: { projectId: $p, title: "before" }) { id } }', { p: project });
  await waitFor(() => seen.length === 1, 'the first change');

  socket.terminate();
  await waitFor(() => socket.readyState === WebSocket.CLOSED, 'the socket to close');
  for (const title of ['away 1', 'away 2', 'away 3']) {
    await graphql('mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { id } }', { p: project, t: title });
  }
  releaseRetry();
  await waitFor(() => seen.length === 4, 'the changes made while away');
  await graphql('mutation($p: ID!) { createTask(input: { projectId: $p, title: "after" }) { id } }', { p: project });
  await waitFor(() => seen.length === 5, 'the live change after resuming');

  assert.deepEqual(seen, ['before', 'away 1', 'away 2', 'away 3', 'after']);
  unsubscribe();
  await client.dispose();
});

