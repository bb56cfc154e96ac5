import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { CrossTabLink } from '../src/crosstab-link.js';
import { FakeServer, waitFor } from './fake-server.js';
import { Tabs } from './helpers.js';

let tabs: Tabs;
afterEach(() => tabs.closeAll());

test('CrossTabLink_ApolloInTwoTabs_SubscriptionsShareTheLeaderConnection', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  const a = tabs.tab();
  await waitFor(() => a.isLeader, 'a leads');
  const b = tabs.tab();
  const apollo = (c: typeof a) => new ApolloClient({ link: new CrossTabLink(c), cache: new InMemoryCache() });
  const query = gql`subscription($since: Long) { taskChanged(since: $since) { kind sequence task { id title } } }`;
  const got: Record<string, number[]> = { a: [], b: [] };
  const subs = (['a', 'b'] as const).map((k) =>
    apollo(k === 'a' ? a : b).subscribe({ query }).subscribe({ next: (r: any) => got[k]!.push(r.data.taskChanged.sequence) }));
  await waitFor(() => server.activeSubscriptions === 1, 'one server subscription');
  await b.query('query { task(id: $id) { id } }', { id: 'none' });
  server.write('Task', 'create', { id: 'x', title: 'x' });
  server.write('Task', 'create', { id: 'y', title: 'y' });
  await waitFor(() => got.a!.length === 2 && got.b!.length === 2, 'both tabs');
  assert.deepEqual(got.b, [1, 2]);
  assert.equal(server.activeSubscriptions, 1);
  subs.forEach((s) => s.unsubscribe());
  await waitFor(() => server.activeSubscriptions === 0, 'released');
});

test('CrossTabLink_Query_RunsThroughTheClient', async () => {
  const server = new FakeServer();
  tabs = new Tabs(server);
  server.write('Task', 'create', { id: 'q1', title: 'hello' });
  const a = tabs.tab();
  const apollo = new ApolloClient({ link: new CrossTabLink(a), cache: new InMemoryCache() });
  const r = await apollo.query({ query: gql`query($id: ID!) { task(id: $id) { id title } }`, variables: { id: 'q1' } });
  assert.equal((r.data as any).task.title, 'hello');
});
