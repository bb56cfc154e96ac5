import type { ExecutionResult, ServerTransport, Sink, TransportContext } from './types.js';
import { errorCode, randomId } from './util.js';

interface Operation {
  document: string;
  /** Held by reference: the hub keeps its `since` current, so a re-POST resumes. */
  variables: Record<string, unknown>;
  sink: Sink;
}

const TOKEN_HEADER = 'X-GraphQL-Event-Stream-Token';

/**
 * The leader's connection over GraphQL over SSE, single connection mode: PUT reserves a stream,
 * GET opens it, each operation is POSTed with the reservation token and its results arrive on the
 * one stream. When the stream ends (token expiry ends it with UNAUTHENTICATED, or the network
 * drops) the transport calls getToken() again, reserves a new stream and re-POSTs every live
 * operation with its current variables — `since` included.
 */
export function sseTransport(context: TransportContext): ServerTransport {
  const ops = new Map<string, Operation>();
  const listeners = new Set<(connected: boolean) => void>();
  let reservation: string | undefined;
  let auth: string | null = null;
  let closed = false;
  let ready: Promise<void> | undefined;
  let connected = false;
  const abort = new AbortController();

  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    ...(reservation ? { [TOKEN_HEADER]: reservation } : {}),
    ...extra,
  });

  async function open(): Promise<void> {
    for (let attempt = 0; !closed; attempt++) {
      try {
        auth = await context.getToken();
        reservation = undefined;
        const put = await fetch(context.url, { method: 'PUT', headers: headers({ accept: 'text/plain' }), signal: abort.signal });
        if (put.status !== 201) throw new Error(`reservation refused (${put.status})`);
        reservation = await put.text();
        const stream = await fetch(context.url, { headers: headers({ accept: 'text/event-stream' }), signal: abort.signal });
        if (!stream.ok || !stream.body) throw new Error(`stream refused (${stream.status})`);
        connected = true;
        listeners.forEach((l) => l(true));
        for (const id of ops.keys()) void post(id);
        void read(stream.body);
        return;
      } catch {
        if (closed) return;
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 3000)));
      }
    }
  }

  function connect(): Promise<void> {
    ready ??= open();
    return ready;
  }

  async function read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let buffer = '';
    let expired = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          expired = dispatch(frame, expired);
        }
      }
    } catch {
      // The stream broke: reconnect below.
    }
    if (closed) return;
    connected = false;
    listeners.forEach((l) => l(false));
    ready = undefined;
    void connect();
  }

  /** One SSE frame; returns whether the stream is ending because the token expired. */
  function dispatch(frame: string, expired: boolean): boolean {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (!data.length || !data.join('')) return expired;
    const message = JSON.parse(data.join('\n')) as { id?: string; payload?: ExecutionResult };
    const op = message.id ? ops.get(message.id) : undefined;
    if (event === 'next' && op && message.payload) {
      // The server ends a stream whose token expired with UNAUTHENTICATED: reconnect, keep the operations.
      if (!message.payload.data && errorCode(message.payload.errors) === 'UNAUTHENTICATED') return true;
      op.sink.next(message.payload);
    } else if (event === 'complete' && op && !expired) {
      ops.delete(message.id!);
      op.sink.complete?.();
    }
    return expired;
  }

  async function post(id: string): Promise<void> {
    const op = ops.get(id);
    if (!op || !reservation) return;
    try {
      const res = await fetch(context.url, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify({ query: op.document, variables: op.variables, extensions: { operationId: id } }),
        signal: abort.signal,
      });
      if (res.status === 202 || res.status === 409) return;
      const body = (await res.json().catch(() => ({}))) as ExecutionResult;
      if (ops.delete(id)) op.sink.error?.({ errors: body.errors ?? [{ message: `HTTP ${res.status}` }] });
    } catch {
      // The stream's reconnect re-POSTs it.
    }
  }

  function start(document: string, variables: Record<string, unknown> | undefined, sink: Sink): () => void {
    const id = randomId();
    ops.set(id, { document, variables: variables ?? {}, sink });
    // While connecting, the new stream posts every operation it finds, this one included.
    if (connected) void post(id);
    else void connect();
    return () => {
      if (!ops.delete(id) || !reservation || closed) return;
      void fetch(`${context.url}${context.url.includes('?') ? '&' : '?'}operationId=${encodeURIComponent(id)}`, {
        method: 'DELETE', headers: headers(), signal: abort.signal,
      }).catch(() => undefined);
    };
  }

  return {
    execute(document, variables) {
      return new Promise((resolve) => {
        let result: ExecutionResult = {};
        start(document, variables, {
          next: (r) => { result = r as ExecutionResult; },
          error: (e) => resolve(e as ExecutionResult),
          complete: () => resolve(result),
        });
      });
    },
    subscribe: start,
    onConnectionChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      closed = true;
      abort.abort();
    },
  };
}
