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

const DOCS = 'docs';
const WATCHES = 'watches';
const QUEUE = 'queue';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * IndexedDB persistence of the cache, the live lists' positions and the write queue. Document
 * writes are batched into one transaction per turn, so a burst of change events costs one commit.
 */
export class Persistence {
  private pending: Array<(store: IDBObjectStore) => void> = [];
  private flushing: Promise<void> | undefined;

  private constructor(private readonly db: IDBDatabase) {}

  static async open(name: string): Promise<Persistence | undefined> {
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!idb) return undefined;
    const open = idb.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const s of [DOCS, WATCHES, QUEUE]) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
    };
    return new Persistence(await request(open));
  }

  async loadDocs(): Promise<Array<{ collection: string; doc: Doc }>> {
    const tx = this.db.transaction(DOCS, 'readonly');
    return (await request(tx.objectStore(DOCS).getAll())) as Array<{ collection: string; doc: Doc }>;
  }

  putDoc(collection: string, doc: Doc): void {
    this.enqueue((s) => s.put({ collection, doc }, `${collection}\u0000${doc.id}`));
  }

  deleteDoc(collection: string, id: string): void {
    this.enqueue((s) => s.delete(`${collection}\u0000${id}`));
  }

  async getWatch(key: string): Promise<WatchState | undefined> {
    const tx = this.db.transaction(WATCHES, 'readonly');
    return (await request(tx.objectStore(WATCHES).get(key))) as WatchState | undefined;
  }

  async putWatch(key: string, state: WatchState): Promise<void> {
    const tx = this.db.transaction(WATCHES, 'readwrite');
    tx.objectStore(WATCHES).put(state, key);
    await done(tx);
  }

  async putWrite(w: StoredWrite): Promise<void> {
    const tx = this.db.transaction(QUEUE, 'readwrite');
    tx.objectStore(QUEUE).put(w, w.id);
    await done(tx);
  }

  async deleteWrite(id: string): Promise<void> {
    const tx = this.db.transaction(QUEUE, 'readwrite');
    tx.objectStore(QUEUE).delete(id);
    await done(tx);
  }

  /** Takes over, in one transaction, the queued writes of tabs that are gone. */
  async adoptWrites(me: string, isGone: (owner: string) => boolean): Promise<StoredWrite[]> {
    const tx = this.db.transaction(QUEUE, 'readwrite');
    const store = tx.objectStore(QUEUE);
    const all = (await request(store.getAll())) as StoredWrite[];
    const adopted = all.filter((w) => w.owner !== me && isGone(w.owner));
    for (const w of adopted) store.put({ ...w, owner: me }, w.id);
    await done(tx);
    return adopted.sort((a, b) => a.order - b.order);
  }

  /** Resolves when every batched document write has committed. */
  async flush(): Promise<void> {
    while (this.flushing || this.pending.length) {
      if (this.flushing) await this.flushing;
      else this.schedule();
    }
  }

  close(): void {
    this.db.close();
  }

  private enqueue(op: (store: IDBObjectStore) => void): void {
    this.pending.push(op);
    if (!this.flushing) this.schedule();
  }

  private schedule(): void {
    this.flushing = (async () => {
      await Promise.resolve();
      const ops = this.pending;
      this.pending = [];
      if (ops.length) {
        const tx = this.db.transaction(DOCS, 'readwrite');
        const store = tx.objectStore(DOCS);
        for (const op of ops) op(store);
        await done(tx).catch(() => undefined);
      }
      this.flushing = undefined;
      if (this.pending.length) this.schedule();
    })();
  }
}
