import type { Doc } from './types.js';
/** Where a confirmed state came from: this tab's query or write, a change event, another tab. */
export type Origin = 'local' | 'write' | 'event' | 'remote';
type ConfirmedListener = (collection: string, id: string, doc: Doc | undefined, origin: Origin) => void;
type Overlay = {
    writeId: string;
    apply: (doc: Doc | undefined) => Doc | undefined;
};
/**
 * The normalized cache: per collection, per id, the highest version the server confirmed, with
 * this tab's optimistic writes layered on top until they are confirmed or rolled back.
 */
export declare class Cache {
    private readonly collections;
    private readonly listeners;
    private readonly dirty;
    private scheduled;
    private readonly confirmedListeners;
    /** Hears every accepted confirmed change at once (persistence, sharing with other tabs, live lists). */
    onConfirmed(cb: ConfirmedListener): () => void;
    private state;
    /** Listeners hear about changed ids once per microtask, so a burst of events renders once. */
    onChange(cb: (collection: string, ids: string[]) => void): () => void;
    /** Confirmed server state; ignored when not newer than what the cache holds. */
    put(collection: string, doc: Doc, origin?: Origin): boolean;
    /** The document was deleted at `version` (its last state). */
    delete(collection: string, id: string, version: number, origin?: Origin): boolean;
    /** The last confirmed state, without optimistic writes. */
    confirmed(collection: string, id: string): Doc | undefined;
    get(collection: string, id: string): Doc | undefined;
    all(collection: string): Doc[];
    /** Ids with optimistic writes (live lists show optimistic creates before the server has them). */
    optimisticIds(collection: string): string[];
    addOverlay(collection: string, id: string, writeId: string, apply: Overlay['apply']): void;
    removeOverlay(collection: string, id: string, writeId: string): void;
    private touch;
}
export {};
