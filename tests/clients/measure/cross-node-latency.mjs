// Measures how long a change committed through one API node takes to reach a graphql-ws subscriber on another
// node (Redis bus between them): from the mutation's HTTP response on node A (and from sending it) to `next` on B.
// Usage: node measure/cross-node-latency.mjs http://127.0.0.1:5001/graphql http://127.0.0.1:5002/graphql [count=1000]
// Sequential mutations, one subscriber: this is latency, not throughput. Needs a model with an open Task collection.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [urlA, urlB] = process.argv.slice(2, 4);
if (!urlA || !urlB) {
  throw new Error('usage: node measure/cross-node-latency.mjs <urlA> <urlB> [count]');
}
const count = Number(process.argv[4] ?? 1000);
const prefix = `t-${randomUUID()}-`;

async function createTask(url, title) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({
      query: 'mutation($t: String!) { createTask(input: { projectId: "p", title: $t, done: false }) { id } }',
      variables: { t: title },
    }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
}

const arrivals = new Map();
const client = createClient({ url: urlB.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
client.subscribe(
  { query: 'subscription($p: String) { taskChanged(where: { title: { startsWith: $p } }) { task { title } } }', variables: { p: prefix } },
  {
    next: (value) => arrivals.get(value.data.taskChanged.task.title)?.(performance.now()),
    error: (e) => { throw new Error(JSON.stringify(e)); },
    complete: () => {},
  },
);

// The subscription is live on B once a probe written through A arrives there (bounded wait).
const deadline = Date.now() + 30_000;
for (let live = false, i = 0; !live; i++) {
  assert.ok(Date.now() < deadline, 'the subscriber on node B never received a change from node A');
  const title = `${prefix}probe-${i}`;
  const arrived = new Promise((resolve) => arrivals.set(title, resolve));
  await createTask(urlA, title);
  live = await Promise.race([arrived.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 500))]);
}

const fromResponse = [];
const fromSend = [];
for (let i = 0; i < count; i++) {
  const title = `${prefix}${i}`;
  const arrived = new Promise((resolve) => arrivals.set(title, resolve));
  const sent = performance.now();
  await createTask(urlA, title);
  const responded = performance.now();
  const at = await arrived;
  arrivals.delete(title);
  fromResponse.push(Math.max(0, at - responded));
  fromSend.push(at - sent);
}

const pct = (values, p) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))].toFixed(2);
console.log(`changes: ${count} (mutation on ${urlA} -> next on ${urlB})`);
console.log(`mutation response -> next: p50 ${pct(fromResponse, 0.5)} ms, p99 ${pct(fromResponse, 0.99)} ms, max ${pct(fromResponse, 1)} ms`);
console.log(`mutation sent     -> next: p50 ${pct(fromSend, 0.5)} ms, p99 ${pct(fromSend, 0.99)} ms`);
await client.dispose();
