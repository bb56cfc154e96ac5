// The legacy Apollo client (npm `subscriptions-transport-ws`, sub-protocol `graphql-ws`) against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import { activeSubscriptions, createProject, graphql, unique, waitFor, wsUrl } from './support.mjs';

test('subscriptions-transport-ws receives change events and query results over the legacy protocol', async () => {
  const project = await createProject(unique('legacy'));
  const client = new SubscriptionClient(wsUrl, { reconnect: false }, WebSocket);

  const queried = await new Promise((resolve, reject) => {
    client.request({ query: 'query($id: ID!) { project(id: $id) { id } }', variables: { id: project } })
      .subscribe({ next: resolve, error: reject });
  });
  assert.equal(queried.data.project.id, project);

  const baseline = await activeSubscriptions.current();
  const events = [];
  const subscription = client
    .request({ query: 'subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { kind task { title } } }', variables: { p: project } })
    .subscribe({ next: (value) => events.push(value.data.taskChanged), error: (e) => assert.fail(JSON.stringify(e)) });
  await activeSubscriptions.reached(baseline + 1);
  await graphql('mutation($p: ID!) { createTask(input: { projectId: $p, title: "legacy" }) { id } }', { p: project });
  await waitFor(() => events.length === 1, 'the legacy event');

  assert.deepEqual(events, [{ kind: 'ADDED', task: { title: 'legacy' } }]);
  subscription.unsubscribe();
  client.close();
});
