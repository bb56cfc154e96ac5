import { Cache } from './cache.js';
import { TabGroup } from './group.js';
import { LiveQuery } from './live-list.js';
import { Persistence } from './persist.js';
import type { BroadcastEvent } from './router.js';
import type { ClientOptions, CollectionOptions, CollectionStoreClient, Doc, ExecutionResult, LiveList, PendingWrite, Sink, WatchOptions } from './types.js';
import { WriteQueue } from './writes.js';

/** Creates this tab's client; tabs of the same origin, namespace and identity share one connection. */
export function createClient(options: ClientOptions): CollectionStoreClient {
  return new Client(options);
}

const ADOPT_AFTER_MS = 1500;

class Client implements CollectionStoreClient {
  readonly ready: Promise<void>;
  private group: TabGroup | undefined;
  private persistence: Persistence | undefined;
  private readonly store = new Cache();
  private writes: WriteQueue | undefined;
  private readonly leaderCallbacks = new Set<(isLeader: boolean) => void>();
  private readonly cleanups: Array<() => void> = [];
  private readonly lists = new Set<LiveQuery>();
  private closed = false;
  private onlineFlag = true;

  constructor(private readonly options: ClientOptions) {
    this.ready = this.init();
    this.followBrowserOnline();
  }

  private async init(): Promise<void> {
    const identity = await TabGroup.identify(this.options);
    const getToken = async () => (await this.options.getToken?.()) ?? null;
    const group = new TabGroup(identity, this.options, { url: this.options.url, getToken });
    this.group = group;
    if (this.options.persistence === 'indexeddb') {
      this.persistence = await Persistence.open(`${this.options.namespace ?? 'collectionstore'}:${identity}`).catch(() => undefined);
      for (const { collection, doc } of (await this.persistence?.loadDocs()) ?? []) this.store.put(collection, doc, 'remote');
    }
    this.cleanups.push(this.store.onConfirmed((collection, id, doc, origin) => this.onConfirmed(collection, id, doc, origin)));
    this.writes = new WriteQueue({
      tabId: group.tabId,
      cache: this.store,
      persistence: this.persistence,
      collection: (name) => this.collectionOptions(name),
      execute: (document, variables) => group.router.query(document, variables),
    });
    this.writes.online = this.onlineFlag;
    this.cleanups.push(
      group.router.onEvent((e) => this.applyEvent(e)),
      group.bus.on((m) => {
        if (m.t === 'cache' && m.from !== group.tabId) this.applyShared(m);
        if ((m.t === 'conn' && m.connected) || m.t === 'leader') this.writes?.kick();
      }),
      group.onLeaderChange((leading) => this.leaderCallbacks.forEach((cb) => cb(leading))),
    );
    group.start();
    if (this.persistence) this.adoptLater(group);
  }

  get isLeader(): boolean {
    return this.group?.isLeader ?? false;
  }

  onLeaderChange(cb: (isLeader: boolean) => void): () => void {
    this.leaderCallbacks.add(cb);
    return () => this.leaderCallbacks.delete(cb);
  }

  async query<T = any>(document: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    await this.ready;
    return (await this.group!.router.query(document, variables)) as ExecutionResult<T>;
  }

  subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink): () => void {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void this.ready.then(() => {
      if (!cancelled && !this.closed) dispose = this.group!.router.subscribe(document, variables, sink);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }

  watch(collection: string, opts: WatchOptions = {}): LiveList {
    const options = this.collectionOptions(collection);
    const ready = this.ready;
    const list = new LiveQuery({
      collection,
      fields: options.fields,
      cache: this.store,
      ready,
      persistence: () => this.persistence,
      query: (document, variables) => this.query(document, variables),
      subscribe: (document, variables, sink, feed) => {
        let dispose: (() => void) | undefined;
        let cancelled = false;
        void ready.then(() => {
          if (!cancelled && !this.closed) dispose = this.group!.router.subscribe(document, variables, sink, feed);
        });
        return () => {
          cancelled = true;
          dispose?.();
        };
      },
    }, opts);
    this.lists.add(list);
    return list;
  }

  async create(collection: string, input: object): Promise<Doc> {
    await this.ready;
    return this.writes!.create(collection, input as Record<string, unknown>);
  }

  async update(collection: string, id: string, changes: object): Promise<Doc> {
    await this.ready;
    return this.writes!.update(collection, id, changes as Record<string, unknown>);
  }

  async remove(collection: string, id: string): Promise<void> {
    await this.ready;
    return this.writes!.remove(collection, id);
  }

  readonly pending = {
    list: (): PendingWrite[] => this.writes?.list() ?? [],
    subscribe: (cb: (p: PendingWrite[]) => void): (() => void) => {
      let off: (() => void) | undefined;
      let cancelled = false;
      void this.ready.then(() => {
        if (!cancelled) off = this.writes!.subscribe(cb);
      });
      return () => {
        cancelled = true;
        off?.();
      };
    },
  };

  cache(collection: string): { get(id: string): Doc | undefined; all(): Doc[] } {
    return { get: (id) => this.store.get(collection, id), all: () => this.store.all(collection) };
  }

  get online(): boolean {
    return this.onlineFlag;
  }

  set online(value: boolean) {
    this.onlineFlag = value;
    if (this.writes) this.writes.online = value;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A client whose start failed (getToken threw) still closes cleanly.
    await this.ready.catch(() => undefined);
    for (const l of this.lists) l.close();
    this.writes?.close();
    for (const c of this.cleanups) c();
    await this.group?.close();
    await this.persistence?.flush();
    this.persistence?.close();
  }

  private collectionOptions(name: string): CollectionOptions {
    const options = this.options.collections?.[name];
    if (!options) throw new Error(`Collection '${name}' is not configured: pass collections: { ${name}: { fields: 'id version …' } }.`);
    return options;
  }

  /** Every tab applies every change event, so all caches hold the same state. */
  private applyEvent(e: BroadcastEvent): void {
    if (!e.feed) return;
    const change = e.result?.data?.[`${e.feed.field}Changed`];
    const doc = change?.[e.feed.field] as Doc | undefined;
    if (!doc) return;
    if (change.operation === 'DELETED') this.store.delete(e.feed.collection, doc.id, doc.version, 'event');
    else this.store.put(e.feed.collection, doc, 'event');
  }

  private applyShared(m: Record<string, unknown>): void {
    const collection = m.collection as string;
    if (m.doc) this.store.put(collection, m.doc as Doc, 'remote');
    else this.store.delete(collection, m.id as string, m.version as number, 'remote');
  }

  private onConfirmed(collection: string, id: string, doc: Doc | undefined, origin: string): void {
    if (doc) this.persistence?.putDoc(collection, doc);
    else this.persistence?.deleteDoc(collection, id);
    // Query and write results reach only the tab that asked: share them so every cache agrees.
    if ((origin === 'local' || origin === 'write') && this.group) {
      const version = doc?.version ?? this.store.confirmed(collection, id)?.version ?? Number.MAX_SAFE_INTEGER;
      this.group.bus.post({ t: 'cache', collection, id, doc, version });
    }
  }

  /** Writes queued by tabs that are gone (a reload, a closed tab) are replayed by this one. */
  private adoptLater(group: TabGroup): void {
    const seen = new Set<string>();
    const off = group.bus.on((m) => seen.add(m.from));
    const timer = setTimeout(async () => {
      off();
      if (this.closed) return;
      // Web Locks know exactly which tabs live; otherwise a tab is alive if it spoke meanwhile.
      const alive = (await group.liveness.alive?.().catch(() => undefined)) ?? seen;
      void this.persistence?.adoptWrites(group.tabId, (owner) => !alive.has(owner))
        .then((adopted) => this.writes?.adopt(adopted))
        .catch(() => undefined);
    }, group.liveness.alive ? 0 : ADOPT_AFTER_MS);
    this.cleanups.push(() => {
      clearTimeout(timer);
      off();
    });
  }

  private followBrowserOnline(): void {
    const w = globalThis as { addEventListener?: (t: string, l: () => void) => void; removeEventListener?: (t: string, l: () => void) => void; navigator?: { onLine?: boolean } };
    if (typeof w.addEventListener !== 'function' || typeof w.navigator?.onLine !== 'boolean') return;
    const on = () => { this.online = true; };
    const off = () => { this.online = false; };
    w.addEventListener('online', on);
    w.addEventListener('offline', off);
    this.onlineFlag = w.navigator.onLine;
    this.cleanups.push(() => {
      w.removeEventListener?.('online', on);
      w.removeEventListener?.('offline', off);
    });
  }
}
