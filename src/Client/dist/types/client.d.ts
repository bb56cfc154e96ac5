import type { ClientOptions, CollectionStoreClient } from './types.js';
/** Creates this tab's client; tabs of the same origin, namespace and identity share one connection. */
export declare function createClient(options: ClientOptions): CollectionStoreClient;
