/**
 * How the leader learns that a tab is gone. With Web Locks every tab holds a lock named after
 * itself for its whole life; the browser grants it to a waiter only when the tab closes or
 * crashes — no timers, so throttled background tabs are never mistaken for dead ones. Without
 * Web Locks, tabs heartbeat on the bus and silence means gone.
 */
export interface Liveness {
    /** Holds this tab's own lock (no-op without Web Locks). */
    hold(tabId: string): void;
    /** Calls onGone once when the tab is gone; returns a canceller. Undefined: use heartbeats. */
    watch?(tabId: string, onGone: () => void): () => void;
    /** The ids of the tabs alive now, when the platform can tell. */
    alive?(): Promise<Set<string>>;
    close(): void;
}
export declare function createLiveness(group: string, locks: LockManager | undefined): Liveness;
