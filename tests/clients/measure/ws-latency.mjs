// Measures, against a running server, how long a change takes to reach a graphql-ws subscriber:
// from the mutation's HTTP response (and from sending the mutation) to the subscriber's `next`.
// Usage: GRAPHQL_URL=http://127.0.0.1:5000/graphql node measure/ws-latency.mjs [count=1000]
// Sequential mutations, one subscriber: this is latency, not throughput (see the benchmark for load).
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { activeSubscriptions, createProject, graphql, unique, wsUrl } from './support.mjs';

const count = Number(process.argv[2] ?? 1000);
const project = await createProject(unique('latency'));
const arrivals = new Map();
const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
const baseline = await activeSubscriptions.current();
client.subscribe(
  { query: 'subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { task { title } } }', variables: { p: project } },
  { next: (v) => arrivals.get(v.data.taskChanged.task.title)?.(performance.now()), error: (e) => { throw new Error(JSON.stringify(e)); }, complete: () => {} },
);
await activeSubscriptions.reached(baseline + 1);

const fromResponse = [];
const fromSend = [];
for (let i = 0; i < count; i++) {
  const title = `t${i}`;
  const arrived = new Promise((resolve) => arrivals.set(title, resolve));
  const sent = performance.now();
  await graphql('mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { id } }', { p: project, t: title });
  const responded = performance.now();
  const at = await arrived;
  fromResponse.push(Math.max(0, at - responded));
  fromSend.push(at - sent);
}

const pct = (values, p) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))].toFixed(2);
console.log(`changes: ${count}`);
console.log(`mutation response -> next: p50 ${pct(fromResponse, 0.5)} ms, p99 ${pct(fromResponse, 0.99)} ms, max ${pct(fromResponse, 1)} ms`);
console.log(`mutation sent     -> next: p50 ${pct(fromSend, 0.5)} ms, p99 ${pct(fromSend, 0.99)} ms`);
await client.dispose();
