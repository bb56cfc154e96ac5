import type { Doc } from './types.js';

/** Where a confirmed state came from: this tab's query or write, a change event, another tab. */
export type Origin = 'local' | 'write' | 'event' | 'remote';

type ConfirmedListener = (collection: string, id: string, doc: Doc | undefined, origin: Origin) => void;

type Overlay = { writeId: string; apply: (doc: Doc | undefined) => Doc | undefined };

interface CollectionState {
  base: Map<string, Doc>;
  /** Deleted ids and the version they were deleted at: older states never come back. */
  deleted: Map<string, number>;
  overlays: Map<string, Overlay[]>;
}

/**
 * The normalized cache: per collection, per id, the highest version the server confirmed, with
 * this tab's optimistic writes layered on top until they are confirmed or rolled back.
 */
export class Cache {
  private readonly collections = new Map<string, CollectionState>();
  private readonly listeners = new Set<(collection: string, ids: string[]) => void>();
  private readonly dirty = new Map<string, Set<string>>();
  private scheduled = false;
  private readonly confirmedListeners = new Set<ConfirmedListener>();

  /** Hears every accepted confirmed change at once (persistence, sharing with other tabs, live lists). */
  onConfirmed(cb: ConfirmedListener): () => void {
    this.confirmedListeners.add(cb);
    return () => this.confirmedListeners.delete(cb);
  }

  private state(collection: string): CollectionState {
    let s = this.collections.get(collection);
    if (!s) this.collections.set(collection, (s = { base: new Map(), deleted: new Map(), overlays: new Map() }));
    return s;
  }

  /** Listeners hear about changed ids once per microtask, so a burst of events renders once. */
  onChange(cb: (collection: string, ids: string[]) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Confirmed server state; ignored when not newer than what the cache holds. */
  put(collection: string, doc: Doc, origin: Origin = 'local'): boolean {
    if (!doc || typeof doc.id !== 'string') return false;
    const s = this.state(collection);
    const current = s.base.get(doc.id);
    const deletedAt = s.deleted.get(doc.id);
    if (deletedAt !== undefined && doc.version <= deletedAt) return false;
    if (current && current.version > doc.version) return false;
    if (current && current.version === doc.version && sameFields(current, doc)) return false;
    // Another query may have selected more fields of the same version: keep the union.
    s.base.set(doc.id, current && current.version === doc.version ? { ...current, ...doc } : doc);
    s.deleted.delete(doc.id);
    this.touch(collection, doc.id);
    for (const l of [...this.confirmedListeners]) l(collection, doc.id, s.base.get(doc.id), origin);
    return true;
  }

  /** The document was deleted at `version` (its last state). */
  delete(collection: string, id: string, version: number, origin: Origin = 'local'): boolean {
    const s = this.state(collection);
    const current = s.base.get(id);
    if (current && current.version > version) return false;
    s.deleted.set(id, Math.max(version, s.deleted.get(id) ?? 0));
    if (!current) return false;
    s.base.delete(id);
    this.touch(collection, id);
    for (const l of [...this.confirmedListeners]) l(collection, id, undefined, origin);
    return true;
  }

  /** The last confirmed state, without optimistic writes. */
  confirmed(collection: string, id: string): Doc | undefined {
    return this.collections.get(collection)?.base.get(id);
  }

  get(collection: string, id: string): Doc | undefined {
    const s = this.collections.get(collection);
    if (!s) return undefined;
    let doc = s.base.get(id);
    for (const o of s.overlays.get(id) ?? []) doc = o.apply(doc);
    return doc;
  }

  all(collection: string): Doc[] {
    const s = this.collections.get(collection);
    if (!s) return [];
    const ids = new Set([...s.base.keys(), ...s.overlays.keys()]);
    return [...ids].map((id) => this.get(collection, id)).filter((d): d is Doc => d !== undefined);
  }

  /** Ids with optimistic writes (live lists show optimistic creates before the server has them). */
  optimisticIds(collection: string): string[] {
    return [...(this.collections.get(collection)?.overlays.keys() ?? [])];
  }

  addOverlay(collection: string, id: string, writeId: string, apply: Overlay['apply']): void {
    const s = this.state(collection);
    const list = s.overlays.get(id) ?? [];
    list.push({ writeId, apply });
    s.overlays.set(id, list);
    this.touch(collection, id);
  }

  removeOverlay(collection: string, id: string, writeId: string): void {
    const s = this.state(collection);
    const list = (s.overlays.get(id) ?? []).filter((o) => o.writeId !== writeId);
    if (list.length) s.overlays.set(id, list);
    else s.overlays.delete(id);
    this.touch(collection, id);
  }

  private touch(collection: string, id: string): void {
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, (ids = new Set()));
    ids.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const batch = [...this.dirty];
      this.dirty.clear();
      for (const [c, set] of batch) for (const l of [...this.listeners]) l(c, [...set]);
    });
  }
}

function sameFields(a: Doc, b: Doc): boolean {
  return Object.keys(b).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
