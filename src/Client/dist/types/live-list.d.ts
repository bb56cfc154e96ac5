import type { Cache } from './cache.js';
import type { Persistence } from './persist.js';
import type { Feed } from './protocol.js';
import type { Doc, ExecutionResult, LiveList, Sink, WatchOptions } from './types.js';
export interface LiveListDeps {
    collection: string;
    fields: string;
    cache: Cache;
    /** Resolves when the client joined its group (and opened persistence). */
    ready: Promise<void>;
    persistence(): Persistence | undefined;
    query(document: string, variables: Record<string, unknown>): Promise<ExecutionResult>;
    subscribe(document: string, variables: Record<string, unknown>, sink: Sink, feed: Feed): () => void;
}
/**
 * watch(): the server decides membership (the initial query plus the view's ADDED / UPDATED /
 * REMOVED events), the cache supplies each member's current state, and the client evaluator
 * re-filters and re-sorts so optimistic writes show at once.
 */
export declare class LiveQuery implements LiveList {
    private readonly deps;
    private readonly opts;
    private readonly members;
    private readonly sort;
    private readonly field;
    private readonly subDoc;
    private readonly queryDoc;
    private readonly key;
    private readonly listeners;
    private readonly offCache;
    private current;
    private signature;
    private unsubscribe;
    private lastSeq;
    private loading;
    private hasMore;
    private closed;
    private saveTimer;
    private refetching;
    /** The last error the server sent for this view (other than a resync). */
    error: unknown;
    constructor(deps: LiveListDeps, opts: WatchOptions);
    get items(): Doc[];
    subscribe(cb: (items: Doc[]) => void): () => void;
    close(): void;
    private start;
    private listen;
    /** Runs the view's query; events that arrive meanwhile win over the snapshot, id by id. */
    private load;
    private onEvent;
    /**
     * This tab's confirmed write: its optimistic state is about to go, and the view's event may come
     * later. Where the filter is fully evaluable here (the shared case table proves it agrees with the
     * server) the list keeps showing the document instead of blinking until the event arrives.
     */
    private onOwnWrite;
    private onError;
    private render;
    /** A `first`-limited view that lost members fetches the next ones. */
    private refetch;
    private scheduleSave;
    private save;
}
