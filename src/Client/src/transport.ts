import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { ExecutionResult, ServerTransport, Sink, TransportContext } from './types.js';

/** ws(s)://… from the http(s)://… GraphQL URL. */
export function wsUrlOf(url: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  const u = new URL(url, base);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/**
 * The leader's single graphql-ws connection. It retries forever (a 4403 close included): every
 * connect calls getToken() again, and graphql-ws re-sends each live operation's payload object,
 * whose `since` the hub keeps current, so a reconnect resumes without loss.
 */
export function graphqlWsTransport(context: TransportContext, webSocketImpl?: unknown): ServerTransport {
  const listeners = new Set<(connected: boolean) => void>();
  const client: WsClient = createWsClient({
    url: wsUrlOf(context.url),
    webSocketImpl,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** retries, 3000))),
    connectionParams: async () => {
      const token = await context.getToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => listeners.forEach((l) => l(true)),
      closed: () => listeners.forEach((l) => l(false)),
    },
  });

  return {
    execute(document, variables) {
      return new Promise<ExecutionResult>((resolve, reject) => {
        let result: ExecutionResult | undefined;
        client.subscribe({ query: document, variables: variables ?? {} }, {
          next: (r) => { result = r as ExecutionResult; },
          error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(toError(e))),
          complete: () => resolve(result ?? {}),
        });
      });
    },
    subscribe(document, variables, sink: Sink) {
      return client.subscribe({ query: document, variables: variables ?? {} }, {
        next: (r) => sink.next(r),
        error: (e) => sink.error?.(Array.isArray(e) ? { errors: e } : toError(e)),
        complete: () => sink.complete?.(),
      });
    },
    onConnectionChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      await client.dispose();
    },
  };
}

function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  const close = e as { code?: number; reason?: string };
  if (close && typeof close.code === 'number') return new Error(`Connection closed (${close.code} ${close.reason ?? ''})`);
  return new Error(String(e));
}
