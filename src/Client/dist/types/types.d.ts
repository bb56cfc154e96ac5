/** A stored document as the client sees it: always carries id and version. */
export type Doc = {
    id: string;
    version: number;
    [field: string]: unknown;
};
/** A GraphQL execution result as the server sends it. */
export interface ExecutionResult<T = any> {
    data?: T;
    errors?: any[];
}
/** Receives the results of one subscription. */
export interface Sink {
    next(result: any): void;
    error?(error: unknown): void;
    complete?(): void;
}
export type ConflictStrategy = 'server-wins' | 'client-wins' | ((server: Doc, local: Doc) => Doc);
export interface CollectionOptions {
    /** GraphQL selection of a document; must include 'id version'. */
    fields: string;
    conflict?: ConflictStrategy;
}
/**
 * The leader's connection to the server. The default is graphql-ws; tests may give their own so
 * the cross-tab machinery can run without a server.
 */
export interface ServerTransport {
    execute(document: string, variables: Record<string, unknown> | undefined): Promise<ExecutionResult>;
    subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink): () => void;
    /** Called with true once connected and false when the connection drops. */
    onConnectionChange?(cb: (connected: boolean) => void): () => void;
    close(): Promise<void>;
}
export interface TransportContext {
    url: string;
    getToken: () => Promise<string | null>;
}
export interface ClientOptions {
    /** http(s)://host/graphql; the WebSocket URL is derived from it. */
    url: string;
    /** Called at connect and after a 4403 close. */
    getToken?: () => string | null | Promise<string | null>;
    transport?: 'graphql-ws' | 'sse';
    /** Channel and lock names derive from it and the identity. */
    namespace?: string;
    persistence?: 'indexeddb' | 'none';
    collections?: Record<string, CollectionOptions>;
    leaderElection?: 'auto' | 'broadcast';
    /** WebSocket implementation where there is no global one (Node 20: the `ws` package). */
    webSocketImpl?: unknown;
    /** Replaces the server connection (tests, custom transports). */
    transportFactory?: (context: TransportContext) => ServerTransport;
}
export interface PendingWrite {
    id: string;
    collection: string;
    kind: 'create' | 'update' | 'remove';
    docId: string;
    state: 'queued' | 'sending' | 'failed';
    error?: unknown;
}
export interface LiveList {
    readonly items: Doc[];
    subscribe(cb: (items: Doc[]) => void): () => void;
    close(): void;
}
export interface WatchOptions {
    where?: object;
    order?: object[];
    first?: number;
}
export interface CollectionStoreClient {
    readonly ready: Promise<void>;
    readonly isLeader: boolean;
    onLeaderChange(cb: (isLeader: boolean) => void): () => void;
    query<T = any>(document: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>>;
    subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink): () => void;
    watch(collection: string, opts?: WatchOptions): LiveList;
    create(collection: string, input: object): Promise<Doc>;
    update(collection: string, id: string, changes: object): Promise<Doc>;
    remove(collection: string, id: string): Promise<void>;
    readonly pending: {
        list(): PendingWrite[];
        subscribe(cb: (p: PendingWrite[]) => void): () => void;
    };
    cache(collection: string): {
        get(id: string): Doc | undefined;
        all(): Doc[];
    };
    online: boolean;
    close(): Promise<void>;
}
