// Smoke check of the built client against a running server from Node (two client instances stand
// in for two tabs): shared connection, live lists, a conflict, leader failover, token expiry.
// Usage: GRAPHQL_URL=http://127.0.0.1:5000/graphql ADMIN_PASSWORD=… node smoke/real-server.mjs
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from '../dist/index.js';

const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:5000/graphql';
const adminPassword = process.env.ADMIN_PASSWORD;

async function gql(query, variables, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function login(username, password) {
  const r = await gql('mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken user { id } } }', { u: username, p: password });
  if (!r.data) throw new Error(JSON.stringify(r));
  return r.data.login;
}

async function waitFor(cond, what, ms = 15000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const metrics = async () => (await (await fetch(new URL('/metrics', url))).json());

const admin = await login('admin', adminPassword);
const user = `smoke${Date.now()}`;
const created = await gql('mutation($u: String!) { createUser(input: { username: $u, password: "smoke-password-1", roles: ["member"] }) { id } }', { u: user }, admin.accessToken);
const userId = created.data.createUser.id;
let tokenCalls = 0;
const getToken = async () => { tokenCalls++; return (await login(user, 'smoke-password-1')).accessToken; };
const token = await getToken();
const project = (await gql('mutation($o: ID!, $n: String!) { createProject(input: { name: $n, ownerId: $o }) { id } }', { o: userId, n: `P${Date.now()}` }, token)).data.createProject.id;

const options = {
  url, getToken, webSocketImpl: WebSocket, leaderElection: 'broadcast', namespace: `smoke-${Date.now()}`,
  transport: process.env.SMOKE_TRANSPORT ?? 'graphql-ws',
  collections: { Task: { fields: 'id version title done priority projectId', conflict: 'client-wins' } },
};
const a = createClient(options);
await waitFor(() => a.isLeader, 'a leads');
const b = createClient(options);
await b.ready;
const where = { projectId: { eq: project } };
const la = a.watch('Task', { where, order: [{ title: 'ASC' }] });
const lb = b.watch('Task', { where, order: [{ title: 'ASC' }] });
const seen = [];
b.subscribe('subscription($since: Long, $p: ID!) { taskChanged(where: { projectId: { eq: $p } }, since: $since) { kind sequence task { id title } } }', { p: project }, {
  next: (r) => seen.push(r.data.taskChanged.sequence),
  error: (e) => console.error('subscription error', e),
});
await waitFor(async () => (await metrics()).subscriptions.active >= 2, 'server subscriptions');
const m1 = await metrics();
console.log('connections', m1.connections.active, 'subscriptions', m1.subscriptions.active);
assert.equal(m1.connections.active, 1);

const t1 = await b.create('Task', { projectId: project, title: 'first' });
assert.equal(t1.version, 1);
await waitFor(() => la.items.length === 1 && lb.items.length === 1, 'both lists got the create');

// A conflict: another writer moves the task on; b's update retries on the new version (client-wins).
await gql('mutation($id: ID!) { updateTask(id: $id, input: { priority: 9 }) { version } }', { id: t1.id }, token);
await waitFor(() => b.cache('Task').get(t1.id)?.priority === 9, 'b saw the other write');
const stale = { ...b.cache('Task').get(t1.id) };
const updated = await b.update('Task', t1.id, { title: 'first (edited)' });
assert.equal(updated.title, 'first (edited)');
console.log('update after', stale.version, '->', updated.version);

// Leader failover while another process writes.
await a.close();
const writes = [];
for (let i = 0; i < 30; i++) writes.push(gql('mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { id } }', { p: project, t: `w${String(i).padStart(2, '0')}` }, token));
const started = Date.now();
await waitFor(() => b.isLeader, 'b takes over');
console.log('takeover ms', Date.now() - started);
await Promise.all(writes);
await waitFor(() => lb.items.length === 31, 'b has all after failover');
assert.equal(new Set(seen).size, seen.length, 'no duplicate events');
const m2 = await metrics();
console.log('after failover connections', m2.connections.active, 'events', seen.length);

if (process.env.WAIT_EXPIRY) {
  // The access token expires (server closes 4403): getToken runs again and nothing is lost.
  const calls = tokenCalls;
  await waitFor(() => tokenCalls > calls, 'token refreshed after 4403', 60000);
  for (let i = 0; i < 5; i++) await gql('mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { id } }', { p: project, t: `z${i}` }, await getToken());
  await waitFor(() => lb.items.length === 36, 'events after token refresh');
  console.log('token refreshed, events', seen.length);
}
await b.close();
console.log('smoke ok');
