// Apollo Client with GraphQLWsLink: a query and a subscription over one graphql-ws connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import { activeSubscriptions, createProject, graphql, unique, waitFor, wsUrl } from './support.mjs';

test('Apollo Client runs a query and a subscription over GraphQLWsLink', async () => {
  const name = unique('apollo');
  const project = await createProject(name);
  const wsClient = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  const client = new ApolloClient({ link: new GraphQLWsLink(wsClient), cache: new InMemoryCache() });

  const query = await client.query({ query: gql`query($id: ID!) { project(id: $id) { id name } }`, variables: { id: project } });
  assert.equal(query.data.project.name, name);

  const baseline = await activeSubscriptions.current();
  const titles = [];
  const subscription = client
    .subscribe({ query: gql`subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { kind task { id title } } }`, variables: { p: project } })
    .subscribe({ next: ({ data }) => titles.push(`${data.taskChanged.kind} ${data.taskChanged.task.title}`), error: (e) => assert.fail(String(e)) });
  await activeSubscriptions.reached(baseline + 1);
  await graphql('mutation($p: ID!) { createTask(input: { projectId: $p, title: "over apollo" }) { id } }', { p: project });
  await waitFor(() => titles.length === 1, 'the subscription event');

  assert.deepEqual(titles, ['ADDED over apollo']);
  subscription.unsubscribe();
  client.stop();
  await wsClient.dispose();
});
