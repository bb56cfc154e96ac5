// Apollo Client with HttpLink only (no WebSocket link) receives change subscriptions over the multipart HTTP
// protocol (PROTOCOLS.md §5) from a running server (GRAPHQL_URL, started by tests/run.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/index.js';

const url = process.env.GRAPHQL_URL;
if (!url) {
  throw new Error('GRAPHQL_URL must point at a running Collection Store /graphql endpoint');
}

async function execute(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

// The fetch HttpLink uses; resolves `opened` with the response once its headers arrive, which the server
// sends only after the subscription is registered.
function observedFetch() {
  let resolve;
  const opened = new Promise((r) => { resolve = r; });
  const fetchWithSignal = async (input, init) => {
    const response = await fetch(input, init);
    resolve(response);
    return response;
  };
  return { opened, fetch: fetchWithSignal };
}

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const TASK_CHANGED = gql`
  subscription TaskChanged($projectId: ID!) {
    taskChanged(where: { projectId: { eq: $projectId } }) {
      kind
      operation
      task { id title done }
    }
  }
`;

test('Apollo HttpLink receives ADDED, UPDATED and REMOVED over multipart', async () => {
  const project = await execute(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { name: `apollo-multipart-${Date.now()}-${Math.random()}`, ownerId: 'owner' } },
  );
  const projectId = project.createProject.id;
  const observed = observedFetch();
  const client = new ApolloClient({
    link: new HttpLink({ uri: url, fetch: observed.fetch }),
    cache: new InMemoryCache(),
  });

  const received = [];
  let done;
  const threeEvents = new Promise((resolve, reject) => { done = { resolve, reject }; });
  const subscription = client
    .subscribe({ query: TASK_CHANGED, variables: { projectId }, fetchPolicy: 'no-cache' })
    .subscribe({
      next: (result) => {
        if (result.errors) {
          done.reject(new Error(JSON.stringify(result.errors)));
          return;
        }
        received.push(result.data.taskChanged);
        if (received.length === 3) {
          done.resolve();
        }
      },
      error: (error) => done.reject(error),
    });

  try {
    const response = await withDeadline(observed.opened, 10_000, 'the multipart response');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^multipart\/mixed;boundary="graphql";subscriptionSpec=1\.0$/);

    const created = await execute(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { projectId, title: 'from apollo' } },
    );
    const id = created.createTask.id;
    await execute('mutation($id: ID!) { updateTask(id: $id, input: { done: true }) { id } }', { id });
    await execute('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id });

    await withDeadline(threeEvents, 10_000, 'three change events');
    assert.deepEqual(received.map((change) => change.kind), ['ADDED', 'UPDATED', 'REMOVED']);
    assert.deepEqual(received.map((change) => change.operation), ['CREATED', 'UPDATED', 'DELETED']);
    assert.ok(received.every((change) => change.task.id === id));
    assert.equal(received[1].task.done, true);
  } finally {
    subscription.unsubscribe();
    client.stop();
  }
});

test('Apollo HttpLink sends queries with the same link as a normal JSON request', async () => {
  const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
  const result = await client.query({ query: gql`{ tasks(first: 1) { nodes { id } } }`, fetchPolicy: 'no-cache' });
  assert.ok(Array.isArray(result.data.tasks.nodes));
  client.stop();
});

test('Apollo HttpLink reports a subscription validation error as a GraphQL error', async () => {
  const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
  const outcome = await withDeadline(new Promise((resolve) => {
    client.subscribe({ query: gql`subscription { taskChanged { nope } }` }).subscribe({
      next: (result) => resolve({ errors: result.errors }),
      error: (error) => resolve({ error }),
    });
  }), 10_000, 'the validation error');
  const messages = (outcome.errors ?? outcome.error?.graphQLErrors ?? []).map((e) => e.message).join(' ');
  assert.match(messages, /nope/);
  client.stop();
});
