/** Which collection's cache a subscription's change events feed (set by watch()). */
export interface Feed {
  collection: string;
  /** The change payload's document field: the collection's singular name, e.g. 'task'. */
  field: string;
}

/** The change sequence of a change-subscription result, if it is one. */
export function sequenceOf(result: any): number | undefined {
  const data = result?.data;
  if (!data || typeof data !== 'object') return undefined;
  for (const v of Object.values(data)) {
    const seq = (v as { sequence?: unknown } | null)?.sequence;
    if (typeof seq === 'number') return seq;
    if (typeof seq === 'string' && seq !== '' && !Number.isNaN(Number(seq))) return Number(seq);
  }
  return undefined;
}

/** Documents that take `$since` get it injected; others are sent as written. */
export function usesSince(document: string): boolean {
  return /\$since\b/.test(document);
}

/** Tabs heartbeat so the leader can drop the subscriptions of a tab that crashed. */
export const TAB_HEARTBEAT_MS = 1000;
export const TAB_TIMEOUT_MS = 3500;
