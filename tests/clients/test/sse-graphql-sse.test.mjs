// The reference GraphQL-over-SSE client `graphql-sse` against a running server (GRAPHQL_URL from tests/run.sh), in
// both of its modes: distinct connections (one request per operation) and single connection (a reserved stream).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-sse';

const url = process.env.GRAPHQL_URL;
if (!url) {
  throw new Error('GRAPHQL_URL must point at a running Collection Store /graphql endpoint');
}

const deadlineMs = 15_000;

async function post(query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

// Collects the events of one subscription; `waitFor(n)` resolves once n events arrived (or fails at the deadline).
function collect(client, query) {
  const events = [];
  let completed = false;
  let failure = null;
  let wake = () => {};
  const dispose = client.subscribe(
    { query },
    {
      next: (value) => { events.push(value); wake(); },
      error: (error) => { failure = error; wake(); },
      complete: () => { completed = true; wake(); },
    },
  );
  const waitFor = async (predicate, what) => {
    const end = Date.now() + deadlineMs;
    while (!predicate()) {
      if (failure) throw failure;
      const left = end - Date.now();
      assert.ok(left > 0, `timed out waiting for ${what}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => { clearTimeout(timer); resolve(); };
      });
    }
  };
  return { events, dispose, waitFor, isCompleted: () => completed };
}

for (const singleConnection of [false, true]) {
  describe(`graphql-sse client, singleConnection: ${singleConnection}`, () => {
    test('taskChanged delivers ADDED, UPDATED and REMOVED in sequence order', async () => {
      const client = createClient({ url, singleConnection, retryAttempts: 0 });
      try {
        const { projectId, title } = await setUpProject(`sse-${singleConnection}`);
        // since: 0 replays this project's changes first, so the writes below may race the subscription's start.
        const subscription = collect(client, `subscription { taskChanged(where: { projectId: { eq: "${projectId}" } }, since: 0) { kind sequence task { title } } }`);

        const created = await post(`mutation { createTask(input: { projectId: "${projectId}", title: "${title}" }) { id } }`);
        const id = created.createTask.id;
        await post(`mutation { updateTask(id: "${id}", input: { title: "${title} 2" }) { id } }`);
        await post(`mutation { deleteTask(id: "${id}") { id } }`);
        await subscription.waitFor(() => subscription.events.length >= 3, 'three change events');

        const changes = subscription.events.map((event) => event.data.taskChanged);
        assert.deepEqual(changes.map((change) => change.kind), ['ADDED', 'UPDATED', 'REMOVED']);
        assert.deepEqual(changes.map((change) => change.task.title), [title, `${title} 2`, `${title} 2`]);
        assert.ok(changes[0].sequence < changes[1].sequence && changes[1].sequence < changes[2].sequence);

        subscription.dispose();
      } finally {
        client.dispose();
      }
    });

    test('a query and a mutation each give one result and complete', async () => {
      const client = createClient({ url, singleConnection, retryAttempts: 0 });
      try {
        const name = `sse-mutation-${singleConnection}-${Date.now()}`;
        const mutation = collect(client, `mutation { createProject(input: { name: "${name}", ownerId: "o" }) { name } }`);
        await mutation.waitFor(() => mutation.isCompleted(), 'the mutation to complete');
        assert.deepEqual(mutation.events, [{ data: { createProject: { name } } }]);

        const query = collect(client, `{ projects(where: { name: { eq: "${name}" } }) { totalCount } }`);
        await query.waitFor(() => query.isCompleted(), 'the query to complete');
        assert.deepEqual(query.events, [{ data: { projects: { totalCount: 1 } } }]);
      } finally {
        client.dispose();
      }
    });
  });
}

async function setUpProject(prefix) {
  const name = `${prefix}-${Date.now()}`;
  const data = await post(`mutation { createProject(input: { name: "${name}", ownerId: "o" }) { id } }`);
  return { projectId: data.createProject.id, title: `${name} task` };
}
