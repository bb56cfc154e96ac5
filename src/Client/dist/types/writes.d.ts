import type { Cache } from './cache.js';
import type { Persistence, StoredWrite } from './persist.js';
import type { CollectionOptions, Doc, ExecutionResult, PendingWrite } from './types.js';
export interface WriteDeps {
    tabId: string;
    cache: Cache;
    persistence?: Persistence;
    collection(name: string): CollectionOptions;
    execute(document: string, variables: Record<string, unknown>): Promise<ExecutionResult>;
}
/** A write the server refused (not a transport failure): it is rolled back, not retried. */
export declare class WriteError extends Error {
    readonly errors: any[];
    readonly code: string | undefined;
    constructor(errors: any[], code: string | undefined);
}
/**
 * Optimistic, ordered, conflict-aware writes. Each write shows in the cache at once, is queued,
 * and is sent one at a time in order (so each update's expectedVersion is the version the
 * previous write produced); a transport failure keeps it queued for the next attempt.
 */
export declare class WriteQueue {
    private readonly deps;
    private readonly entries;
    private readonly listeners;
    private order;
    private running;
    private onlineFlag;
    private closed;
    constructor(deps: WriteDeps);
    list(): PendingWrite[];
    subscribe(cb: (p: PendingWrite[]) => void): () => void;
    get online(): boolean;
    set online(value: boolean);
    create(collection: string, input: Record<string, unknown>): Promise<Doc>;
    update(collection: string, id: string, changes: Record<string, unknown>): Promise<Doc>;
    remove(collection: string, id: string): Promise<void>;
    /**
     * The version the edit is based on, fixed when the app makes it: an edit made offline on v1 must
     * conflict with a v2 that arrived meanwhile, not silently overwrite it. A write queued behind
     * another write of the same document builds on that write's result instead.
     */
    private base;
    /** Queued writes a reload left behind (or a closed tab's), replayed after this tab's own. */
    adopt(stored: StoredWrite[]): void;
    /** Try queued writes again (the connection or the leader came back). */
    kick(): void;
    close(): void;
    private add;
    private overlay;
    private run;
    private finish;
    /**
     * Sends one write, resolving VERSION_CONFLICT with the collection's strategy. `applied` is false
     * when the server state won and the write was dropped.
     */
    private send;
    private fetch;
    private document;
    private variables;
    private stored;
    private notify;
    private notifyWith;
}
