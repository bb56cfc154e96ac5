// Measures fan-out throughput against a running server: N graphql-ws subscribers, M task creations, and how many
// deliveries per second reach them, with or without the access rules in play.
// Usage: GRAPHQL_URL=… ADMIN_PASSWORD=… node measure/fanout.mjs <open|rules> [subscribers=1000] [mutations=200] [users=50]
//   open:  the server runs a model whose grants let everyone read (anonymous subscribers share one cohort);
//   rules: the server runs the default model; subscribers sign in as `users` members of one project, so every
//          event is decided per user against the rules (one cohort per user).
// One Node process receives everything, so at high rates the receiving client can be the limit; the server's
// own CPU time is in /proc/<pid>/stat for a deeper look (the benchmark in bench/ does that).
import WebSocket from 'ws';
import { url, wsUrl } from '../lib/ws-helpers.mjs';
import { Session } from '../lib/auth.mjs';

const [mode = 'open', subscribers = '1000', mutations = '200', users = '50'] = process.argv.slice(2);
const N = Number(subscribers);
const M = Number(mutations);
const U = mode === 'rules' ? Number(users) : 0;
const admin = await Session.login();
const prefix = `fanout-${Date.now()}-`;

const userIds = [];
const tokens = [];
for (let i = 0; i < U; i++) {
  const name = `${prefix}user${i}`;
  const created = await admin.gql('mutation($u: String!) { createUser(input: { username: $u, password: "fanout-password", roles: ["member"] }) { id } }', { u: name });
  userIds.push(created.createUser.id);
  tokens.push((await Session.login(name, 'fanout-password')).accessToken);
}
const project = await admin.gql('mutation($n: String!, $o: ID!, $m: [ID!]!) { createProject(input: { name: $n, ownerId: $o, memberIds: $m }) { id } }',
  { n: `${prefix}project`, o: admin.user.id, m: userIds });
const projectId = project.createProject.id;

let delivered = 0;
let onDelivery = () => {};
const sockets = [];
await Promise.all(Array.from({ length: N }, (_, i) => new Promise((resolve, reject) => {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  sockets.push(socket);
  socket.on('open', () => socket.send(JSON.stringify({
    type: 'connection_init',
    payload: U > 0 ? { Authorization: `Bearer ${tokens[i % U]}` } : {},
  })));
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (message.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: {
        query: 'subscription($p: ID!) { taskChanged(where: { projectId: { eq: $p } }) { sequence task { title } } }',
        variables: { p: projectId },
      } }));
      resolve();
    } else if (message.type === 'next') {
      delivered += 1;
      onDelivery();
    } else if (message.type === 'error') {
      reject(new Error(JSON.stringify(message.payload)));
    }
  });
  socket.on('error', reject);
})));

// Every subscription has joined the engine before the clock starts.
const metricsUrl = new URL('/metrics', url);
for (;;) {
  const metrics = await (await fetch(metricsUrl)).json();
  if (metrics.subscriptions.active >= N) {
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const expected = N * M;
const done = new Promise((resolve) => { onDelivery = () => { if (delivered >= expected) resolve(); }; });
const started = performance.now();
for (let i = 0; i < M; i++) {
  await admin.gql('mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { id } }', { p: projectId, t: `${prefix}${i}` });
}
const written = performance.now();
await done;
const finished = performance.now();
const seconds = (finished - started) / 1000;
console.log(JSON.stringify({
  mode, subscribers: N, users: U, mutations: M, deliveries: delivered,
  writeSeconds: +((written - started) / 1000).toFixed(3),
  totalSeconds: +seconds.toFixed(3),
  deliveriesPerSecond: Math.round(delivered / seconds),
}));
for (const socket of sockets) {
  socket.terminate();
}
