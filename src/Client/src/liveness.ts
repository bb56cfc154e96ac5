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

export function createLiveness(group: string, locks: LockManager | undefined): Liveness {
  if (!locks) return { hold: () => undefined, close: () => undefined };
  const prefix = `${group}:tab:`;
  const abort = new AbortController();
  let release: (() => void) | undefined;
  return {
    hold(tabId) {
      locks.request(prefix + tabId, { signal: abort.signal }, () => new Promise<void>((r) => { release = r; })).catch(() => undefined);
    },
    watch(tabId, onGone) {
      const stop = new AbortController();
      locks.request(prefix + tabId, { signal: stop.signal }, () => {
        onGone();
      }).catch(() => undefined);
      return () => stop.abort();
    },
    async alive() {
      const state = await locks.query();
      const ids = new Set<string>();
      for (const l of state.held ?? []) if (l.name?.startsWith(prefix)) ids.add(l.name.slice(prefix.length));
      return ids;
    },
    close() {
      abort.abort();
      release?.();
    },
  };
}
