// The reference graphql-ws client across an access-token expiry: the server closes with 4403, the client
// reconnects with a refreshed token from connectionParams and resubscribes with `since`, and no change is lost
// or delivered twice. The server under test issues 4-second access tokens (see tests/run.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

import { Queue, uniquePrefix, waitUntilLive, wsUrl } from '../lib/ws-helpers.mjs';
import { Session } from '../lib/auth.mjs';

const CHANGES = `subscription($p: String!, $since: Long) {
  taskChanged(where: { title: { startsWith: $p } }, since: $since) { sequence kind task { title } }
}`;

test('graphql-ws: a 4403 on token expiry is followed by a refreshed reconnect that resumes with since', async () => {
  const reader = await Session.login();
  const writer = await Session.login();
  const closes = [];
  let connects = 0;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 5,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
    // Called on every (re)connect: the token is refreshed when the last one is about to expire or was refused.
    connectionParams: async () => {
      if (closes.at(-1) === 4403) {
        await reader.refresh();
      }
      return { Authorization: `Bearer ${await reader.accessTokenFresh()}` };
    },
    on: {
      connected: () => { connects += 1; },
      closed: (event) => { closes.push(event?.code); },
    },
  });
  try {
    const prefix = uniquePrefix();
    // The same payload object is sent again on every reconnect, so moving `since` forward resumes exactly there.
    const payload = { query: CHANGES, variables: { p: prefix, since: null } };
    const events = new Queue();
    const probes = new Queue();
    const unsubscribe = client.subscribe(payload, {
      next: (value) => {
        const change = value.data.taskChanged;
        payload.variables.since = change.sequence;
        // Probe documents only tell the test that the subscription is live.
        (change.task.title.startsWith(`${prefix}probe`) ? probes : events).push(change);
      },
      error: (error) => events.push({ error }),
      complete: () => {},
    });
    await waitUntilLive(probes, prefix);
    const created = await writer.gql('mutation($t: String!) { createTask(input: { projectId: "p", title: $t }) { id } }', { t: `${prefix}first` });
    assert.ok(created.createTask.id);
    assert.equal((await events.take()).task.title, `${prefix}first`);

    // Keep writing through the expiry, the 4403 and the reconnect, and a little after it.
    const written = [`${prefix}first`];
    let afterReconnect = 0;
    while (afterReconnect < 5) {
      const title = `${prefix}${written.length}`;
      await writer.gql('mutation($t: String!) { createTask(input: { projectId: "p", title: $t }) { id } }', { t: title });
      written.push(title);
      if (connects >= 2) {
        afterReconnect += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(written.length < 400, 'the connection was never closed for its expired token');
    }

    const received = [`${prefix}first`];
    const sequences = [];
    while (received.length < written.length) {
      const change = await events.take();
      assert.equal(change.error, undefined, String(change.error));
      received.push(change.task.title);
      sequences.push(Number(change.sequence));
    }
    unsubscribe();

    assert.ok(closes.includes(4403), `closes: ${closes.join(', ')}`);
    assert.ok(reader.refreshCount >= 1, 'the client never refreshed its token');
    assert.deepEqual(received, written);
    assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b));
    assert.equal(new Set(sequences).size, sequences.length, 'a change arrived twice');
    assert.equal(events.size, 0, 'more events than writes');
  } finally {
    await client.dispose();
  }
});
