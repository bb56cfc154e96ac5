import type { ServerTransport, TransportContext } from './types.js';
/** ws(s)://… from the http(s)://… GraphQL URL. */
export declare function wsUrlOf(url: string): string;
/**
 * The leader's single graphql-ws connection. It retries forever (a 4403 close included): every
 * connect calls getToken() again, and graphql-ws re-sends each live operation's payload object,
 * whose `since` the hub keeps current, so a reconnect resumes without loss.
 */
export declare function graphqlWsTransport(context: TransportContext, webSocketImpl?: unknown): ServerTransport;
