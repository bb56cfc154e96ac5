import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sseTransport } from '../src/sse-transport.js';
import { waitFor } from './fake-server.js';

/** The server side of GraphQL over SSE single connection mode, in memory. */
class FakeSseServer {
  reservations = 0;
  posts: Array<{ query: string; variables: any; extensions: { operationId: string }; token: string }> = [];
  deletes: string[] = [];
  auth: Array<string | undefined> = [];
  private stream: ReadableStreamDefaultController<Uint8Array> | undefined;

  fetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    switch (init.method ?? 'GET') {
      case 'PUT':
        this.reservations++;
        this.auth.push(headers.authorization);
        return new Response(`reservation-${this.reservations}`, { status: 201 });
      case 'GET': {
        const body = new ReadableStream<Uint8Array>({ start: (c) => { this.stream = c; } });
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      }
      case 'POST':
        this.posts.push({ ...JSON.parse(String(init.body)), token: headers['X-GraphQL-Event-Stream-Token'] });
        return new Response(null, { status: 202 });
      default:
        this.deletes.push(String(input));
        return new Response(null, { status: 200 });
    }
  };

  send(event: string, data: object): void {
    this.stream!.enqueue(new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
  }

  keepAlive(): void {
    this.stream!.enqueue(new TextEncoder().encode(':\n\n'));
  }

  end(): void {
    this.stream!.close();
  }
}

test('SseTransport_TokenExpiresMidStream_ReconnectsWithNewTokenAndResumesSince', async () => {
  const server = new FakeSseServer();
  globalThis.fetch = server.fetch as typeof fetch;
  let tokens = 0;
  const transport = sseTransport({ url: 'http://localhost/graphql', getToken: async () => `token-${++tokens}` });
  const got: number[] = [];
  const ended: string[] = [];
  const variables: Record<string, unknown> = { since: null };
  const dispose = transport.subscribe('subscription($since: Long) { taskChanged(since: $since) { sequence } }', variables, {
    next: (r) => {
      got.push(r.data.taskChanged.sequence);
      variables.since = r.data.taskChanged.sequence;
    },
    error: () => ended.push('error'),
    complete: () => ended.push('complete'),
  });
  await waitFor(() => server.posts.length === 1, 'operation posted');
  const id = server.posts[0]!.extensions.operationId;
  assert.equal(server.posts[0]!.token, 'reservation-1');
  assert.equal(server.auth[0], 'Bearer token-1');
  server.keepAlive();
  server.send('next', { id, payload: { data: { taskChanged: { sequence: 7 } } } });
  await waitFor(() => got.length === 1, 'first event');
  // The server ends the stream of an expired token: a last UNAUTHENTICATED result, complete, close.
  server.send('next', { id, payload: { errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }] } });
  server.send('complete', { id });
  server.end();
  await waitFor(() => server.posts.length === 2, 're-posted on the new stream');
  assert.equal(server.reservations, 2);
  assert.equal(server.auth[1], 'Bearer token-2');
  assert.equal(server.posts[1]!.token, 'reservation-2');
  assert.equal(server.posts[1]!.extensions.operationId, id);
  assert.equal(server.posts[1]!.variables.since, 7);
  server.send('next', { id, payload: { data: { taskChanged: { sequence: 8 } } } });
  await waitFor(() => got.length === 2, 'resumed');
  assert.deepEqual(got, [7, 8]);
  assert.deepEqual(ended, []);
  dispose();
  await waitFor(() => server.deletes.length === 1, 'stopped');
  assert.ok(server.deletes[0]!.endsWith(`?operationId=${encodeURIComponent(id)}`));
  await transport.close();
});

test('SseTransport_Execute_ResolvesWithTheOperationsResult', async () => {
  const server = new FakeSseServer();
  globalThis.fetch = server.fetch as typeof fetch;
  const transport = sseTransport({ url: 'http://localhost/graphql', getToken: async () => null });
  const result = transport.execute('query { task(id: "a") { id } }', {});
  await waitFor(() => server.posts.length === 1, 'posted');
  const id = server.posts[0]!.extensions.operationId;
  server.send('next', { id, payload: { data: { task: { id: 'a' } } } });
  server.send('complete', { id });
  assert.deepEqual(await result, { data: { task: { id: 'a' } } });
  assert.equal(server.auth[0], undefined);
  await transport.close();
});
