// The benchmark's peer: the reference Node.js subscriptions stack (graphql-ws on ws, executed by graphql-js)
// serving the same API shape the benchmark uses against Collection Store: `taskChanged(where:)` with
// { kind operation sequence task { … } }, `createTask(input:)` and `updateTask(id:, input:)` over POST /graphql,
// over an in-memory store. GET /metrics answers in Collection Store's /metrics shape.
// Usage: PORT=4100 node server.mjs
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { graphql } from 'graphql';
import { schema, counters } from './schema.mjs';

const port = Number(process.env.PORT ?? 4100);
let connections = 0;

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/metrics') {
    const memory = process.memoryUsage();
    const body = {
      subscriptions: { active: counters.active, cohorts: counters.active, executions: counters.executions, deliveries: counters.executions, slowConsumers: 0 },
      connections: { active: connections },
      process: { managedHeapBytes: memory.heapUsed, workingSetBytes: memory.rss },
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
    return;
  }
  if (request.method === 'POST' && request.url === '/graphql') {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      let result;
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        result = await graphql({ schema, source: query, variableValues: variables, operationName });
      } catch (error) {
        result = { errors: [{ message: String(error?.message ?? error) }] };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    });
    return;
  }
  response.writeHead(404).end();
});

const wss = new WebSocketServer({ server, path: '/graphql' });
wss.on('connection', (socket) => {
  connections += 1;
  socket.once('close', () => { connections -= 1; });
});
useServer({ schema }, wss);

server.listen(port, '127.0.0.1', () => console.log(`peer listening on http://127.0.0.1:${port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
