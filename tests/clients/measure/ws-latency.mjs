// Measures, against a running server, how long a change takes to reach a graphql-ws subscriber:
// from the mutation's HTTP response (and from sending the mutation) to the subscriber's `next`.
// Usage: GRAPHQL_URL=http://127.0.0.1:5000/graphql node measure/ws-latency.mjs [count=1000]
// Sequential mutations, one subscriber: this is latency, not throughput (see the benchmark for load).
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { Queue, createTask, uniquePrefix, waitUntilLive, wsUrl } from '../lib/ws-helpers.mjs';

const count = Number(process.argv[2] ?? 1000);
const prefix = uniquePrefix();
const probes = new Queue();
const arrivals = new Map();
const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
client.subscribe(
  { query: 'subscription($p: String) { taskChanged(where: { title: { startsWith: $p } }) { task { title } } }', variables: { p: prefix } },
  {
    next: (value) => {
      const title = value.data.taskChanged.task.title;
      if (title.startsWith(`${prefix}probe`)) {
        probes.push(value);
      } else {
        arrivals.get(title)?.(performance.now());
      }
    },
    error: (e) => { throw new Error(JSON.stringify(e)); },
    complete: () => {},
  },
);
await waitUntilLive(probes, prefix);

const fromResponse = [];
const fromSend = [];
for (let i = 0; i < count; i++) {
  const title = `${prefix}${i}`;
  const arrived = new Promise((resolve) => arrivals.set(title, resolve));
  const sent = performance.now();
  await createTask(title);
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
