import type { ServerTransport, TransportContext } from './types.js';
/**
 * The leader's connection over GraphQL over SSE, single connection mode: PUT reserves a stream,
 * GET opens it, each operation is POSTed with the reservation token and its results arrive on the
 * one stream. When the stream ends (token expiry ends it with UNAUTHENTICATED, or the network
 * drops) the transport calls getToken() again, reserves a new stream and re-POSTs every live
 * operation with its current variables — `since` included.
 */
export declare function sseTransport(context: TransportContext): ServerTransport;
