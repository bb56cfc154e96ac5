import type { Doc } from './types.js';
/** A live list's server state, kept so a reload can show it at once and resume with `since`. */
export interface WatchState {
    ids: string[];
    lastSeq?: number;
}
/** A queued write as stored (promises do not survive a reload; the write itself does). */
export interface StoredWrite {
    id: string;
    order: number;
    owner: string;
    collection: string;
    kind: 'create' | 'update' | 'remove';
    docId: string;
    payload: Record<string, unknown>;
}
/**
 * IndexedDB persistence of the cache, the live lists' positions and the write queue. Document
 * writes are batched into one transaction per turn, so a burst of change events costs one commit.
 */
export declare class Persistence {
    private readonly db;
    private pending;
    private flushing;
    private constructor();
    static open(name: string): Promise<Persistence | undefined>;
    loadDocs(): Promise<Array<{
        collection: string;
        doc: Doc;
    }>>;
    putDoc(collection: string, doc: Doc): void;
    deleteDoc(collection: string, id: string): void;
    getWatch(key: string): Promise<WatchState | undefined>;
    putWatch(key: string, state: WatchState): Promise<void>;
    putWrite(w: StoredWrite): Promise<void>;
    deleteWrite(id: string): Promise<void>;
    /** Takes over, in one transaction, the queued writes of tabs that are gone. */
    adoptWrites(me: string, isGone: (owner: string) => boolean): Promise<StoredWrite[]>;
    /** Resolves when every batched document write has committed. */
    flush(): Promise<void>;
    close(): void;
    private enqueue;
    private schedule;
}
