import type { Cache } from './cache.js';
import { compare, matches } from './filter.js';
import type { Persistence, WatchState } from './persist.js';
import type { Feed } from './protocol.js';
import type { Doc, ExecutionResult, LiveList, Sink, WatchOptions } from './types.js';
import { errorCode, pluralize, singular, stableStringify } from './util.js';

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
export class LiveQuery implements LiveList {
  private readonly members = new Set<string>();
  private readonly sort: (a: Doc, b: Doc) => number;
  private readonly field: string;
  private readonly subDoc: string;
  private readonly queryDoc: string;
  private readonly key: string;
  private readonly listeners = new Set<(items: Doc[]) => void>();
  private readonly offCache: () => void;
  private current: Doc[] = [];
  private signature = '';
  private unsubscribe: (() => void) | undefined;
  private lastSeq: number | undefined;
  private loading: Map<string, boolean> | undefined;
  private hasMore = false;
  private closed = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private refetching = false;
  /** The last error the server sent for this view (other than a resync). */
  error: unknown;

  constructor(private readonly deps: LiveListDeps, private readonly opts: WatchOptions) {
    const type = deps.collection;
    this.field = singular(type);
    this.sort = compare(opts.order);
    this.subDoc = `subscription($where: ${type}FilterInput, $since: Long) { ${this.field}Changed(where: $where, since: $since) { kind operation sequence ${this.field} { ${deps.fields} } } }`;
    this.queryDoc = `query($where: ${type}FilterInput, $order: [${type}SortInput!], $first: Int) { ${pluralize(this.field)}(where: $where, order: $order, first: $first) { nodes { ${deps.fields} } pageInfo { hasNextPage } } }`;
    this.key = stableStringify({ c: type, w: opts.where ?? null, o: opts.order ?? null, f: opts.first ?? null });
    const offChange = deps.cache.onChange((c) => {
      if (c === type) this.render();
    });
    const offConfirmed = deps.cache.onConfirmed((c, id, doc, origin) => {
      if (c === type && origin === 'write') this.onOwnWrite(id, doc);
    });
    this.offCache = () => {
      offChange();
      offConfirmed();
    };
    void this.start();
  }

  get items(): Doc[] {
    return this.current;
  }

  subscribe(cb: (items: Doc[]) => void): () => void {
    this.listeners.add(cb);
    cb(this.current);
    return () => this.listeners.delete(cb);
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.offCache();
    this.listeners.clear();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.save();
    }
  }

  private async start(): Promise<void> {
    await this.deps.ready;
    const saved = await this.deps.persistence()?.getWatch(this.key).catch(() => undefined);
    if (this.closed) return;
    if (saved) {
      for (const id of saved.ids) this.members.add(id);
      this.lastSeq = saved.lastSeq;
      this.render();
      this.listen(saved.lastSeq);
      return;
    }
    this.listen(undefined);
    await this.load();
  }

  private listen(since: number | undefined): void {
    const variables: Record<string, unknown> = { where: this.opts.where ?? null };
    if (since !== undefined) variables.since = since;
    this.unsubscribe = this.deps.subscribe(this.subDoc, variables, {
      next: (r) => this.onEvent(r),
      error: (e) => this.onError(e),
    }, { collection: this.deps.collection, field: this.field });
  }

  /** Runs the view's query; events that arrive meanwhile win over the snapshot, id by id. */
  private async load(): Promise<void> {
    this.loading = new Map();
    const variables = { where: this.opts.where ?? null, order: this.opts.order ?? null, first: this.opts.first ?? null };
    let result: ExecutionResult;
    try {
      result = await this.deps.query(this.queryDoc, variables);
    } catch (e) {
      this.error = e;
      this.loading = undefined;
      return;
    }
    if (this.closed) return;
    const connection = result.data?.[pluralize(this.field)];
    if (!connection) {
      this.error = result.errors;
      this.loading = undefined;
      return;
    }
    const during = this.loading;
    this.loading = undefined;
    this.members.clear();
    for (const doc of connection.nodes as Doc[]) {
      this.deps.cache.put(this.deps.collection, doc);
      this.members.add(doc.id);
    }
    for (const [id, inView] of during) {
      if (inView) this.members.add(id);
      else this.members.delete(id);
    }
    this.hasMore = Boolean(connection.pageInfo?.hasNextPage);
    this.render();
    this.scheduleSave();
  }

  private onEvent(result: any): void {
    if (this.closed) return;
    if (result?.errors?.length && !result.data) {
      this.onError(result);
      return;
    }
    const change = result?.data?.[`${this.field}Changed`];
    if (!change) return;
    const doc = change[this.field] as Doc | undefined;
    if (typeof change.sequence === 'number') this.lastSeq = change.sequence;
    if (!doc) return;
    const inView = change.kind !== 'REMOVED';
    if (change.operation === 'DELETED') this.deps.cache.delete(this.deps.collection, doc.id, doc.version, 'event');
    else this.deps.cache.put(this.deps.collection, doc, 'event');
    this.loading?.set(doc.id, inView);
    if (inView) this.members.add(doc.id);
    else this.members.delete(doc.id);
    this.render();
    this.scheduleSave();
  }

  /**
   * This tab's confirmed write: its optimistic state is about to go, and the view's event may come
   * later. Where the filter is fully evaluable here (the shared case table proves it agrees with the
   * server) the list keeps showing the document instead of blinking until the event arrives.
   */
  private onOwnWrite(id: string, doc: Doc | undefined): void {
    if (!doc) {
      this.members.delete(id);
      return;
    }
    const where = (this.opts.where ?? {}) as Record<string, unknown>;
    if (JSON.stringify(prune(where, doc)) !== JSON.stringify(where)) return;
    if (matches(where, doc)) this.members.add(id);
    else this.members.delete(id);
  }

  private onError(e: unknown): void {
    if (this.closed) return;
    if (errorCode((e as { errors?: any[] })?.errors) === 'RESYNC_REQUIRED') {
      // The server no longer has the changes since our position: start clean.
      this.unsubscribe?.();
      this.lastSeq = undefined;
      this.members.clear();
      this.listen(undefined);
      void this.load();
      return;
    }
    this.error = e;
  }

  private render(): void {
    if (this.closed) return;
    const { cache, collection } = this.deps;
    const ids = new Set([...this.members, ...cache.optimisticIds(collection)]);
    const where = this.opts.where ?? {};
    let docs = [...ids]
      .map((id) => cache.get(collection, id))
      .filter((d): d is Doc => d !== undefined && matchesKnown(where, d));
    docs.sort(this.sort);
    const first = this.opts.first;
    if (first !== undefined) {
      if (docs.length < first && this.hasMore && !this.refetching && !this.loading) void this.refetch();
      docs = docs.slice(0, first);
    }
    const signature = docs.map((d) => `${d.id}@${d.version}:${JSON.stringify(d)}`).join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    this.current = docs;
    for (const l of [...this.listeners]) l(docs);
  }

  /** A `first`-limited view that lost members fetches the next ones. */
  private async refetch(): Promise<void> {
    this.refetching = true;
    try {
      await this.load();
    } finally {
      this.refetching = false;
    }
  }

  private scheduleSave(): void {
    if (!this.deps.persistence() || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.save(), 50);
  }

  private save(): void {
    this.saveTimer = undefined;
    const state: WatchState = { ids: [...this.members], lastSeq: this.lastSeq };
    void this.deps.persistence()?.putWatch(this.key, state).catch(() => undefined);
  }
}

/**
 * The view's filter on the fields the selection has: conditions on fields the document lacks
 * (relations, unselected fields) are the server's call, already reflected in membership.
 */
function matchesKnown(where: object, doc: Doc): boolean {
  return matches(prune(where as Record<string, unknown>, doc), doc);
}

function prune(where: Record<string, unknown>, doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(where)) {
    if (k === 'and' || k === 'or') out[k] = (v as Record<string, unknown>[]).map((f) => prune(f, doc));
    else if (k in doc) out[k] = v;
  }
  return out;
}
