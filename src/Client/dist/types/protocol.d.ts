/** Which collection's cache a subscription's change events feed (set by watch()). */
export interface Feed {
    collection: string;
    /** The change payload's document field: the collection's singular name, e.g. 'task'. */
    field: string;
}
/** The change sequence of a change-subscription result, if it is one. */
export declare function sequenceOf(result: any): number | undefined;
/** Documents that take `$since` get it injected; others are sent as written. */
export declare function usesSince(document: string): boolean;
/** Tabs heartbeat so the leader can drop the subscriptions of a tab that crashed. */
export declare const TAB_HEARTBEAT_MS = 1000;
export declare const TAB_TIMEOUT_MS = 3500;
