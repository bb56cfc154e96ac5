import type { Cache } from './cache.js';
import type { Persistence, StoredWrite } from './persist.js';
import type { CollectionOptions, ConflictStrategy, Doc, ExecutionResult, PendingWrite } from './types.js';
import { clone, errorCode, randomId, singular } from './util.js';

const SYSTEM = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', '__typename']);
const MAX_CONFLICT_ROUNDS = 5;

export interface WriteDeps {
  tabId: string;
  cache: Cache;
  persistence?: Persistence;
  collection(name: string): CollectionOptions;
  execute(document: string, variables: Record<string, unknown>): Promise<ExecutionResult>;
}

interface Entry extends PendingWrite {
  order: number;
  payload: Record<string, unknown>;
  resolve?: (doc: Doc | undefined) => void;
  reject?: (e: unknown) => void;
}

/** A write the server refused (not a transport failure): it is rolled back, not retried. */
export class WriteError extends Error {
  constructor(readonly errors: any[], readonly code: string | undefined) {
    super(errors?.[0]?.message ?? 'The write failed.');
  }
}

/**
 * Optimistic, ordered, conflict-aware writes. Each write shows in the cache at once, is queued,
 * and is sent one at a time in order (so each update's expectedVersion is the version the
 * previous write produced); a transport failure keeps it queued for the next attempt.
 */
export class WriteQueue {
  private readonly entries: Entry[] = [];
  private readonly listeners = new Set<(p: PendingWrite[]) => void>();
  private order = Date.now() * 1000;
  private running = false;
  private onlineFlag = true;
  private closed = false;

  constructor(private readonly deps: WriteDeps) {}

  list(): PendingWrite[] {
    return this.entries.map(({ id, collection, kind, docId, state, error }) => ({ id, collection, kind, docId, state, ...(error === undefined ? {} : { error }) }));
  }

  subscribe(cb: (p: PendingWrite[]) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  get online(): boolean {
    return this.onlineFlag;
  }

  set online(value: boolean) {
    this.onlineFlag = value;
    if (value) this.kick();
  }

  create(collection: string, input: Record<string, unknown>): Promise<Doc> {
    const generated = typeof input.id !== 'string';
    const docId = generated ? randomId() : (input.id as string);
    return this.add(collection, 'create', docId, { input: { ...input, id: docId }, generated }) as Promise<Doc>;
  }

  update(collection: string, id: string, changes: Record<string, unknown>): Promise<Doc> {
    return this.add(collection, 'update', id, { changes: { ...changes }, ...this.base(collection, id) }) as Promise<Doc>;
  }

  async remove(collection: string, id: string): Promise<void> {
    await this.add(collection, 'remove', id, this.base(collection, id));
  }

  /**
   * The version the edit is based on, fixed when the app makes it: an edit made offline on v1 must
   * conflict with a v2 that arrived meanwhile, not silently overwrite it. A write queued behind
   * another write of the same document builds on that write's result instead.
   */
  private base(collection: string, id: string): { baseVersion?: number } {
    if (this.entries.some((e) => e.collection === collection && e.docId === id)) return {};
    const version = this.deps.cache.confirmed(collection, id)?.version;
    return version === undefined ? {} : { baseVersion: version };
  }

  /** Queued writes a reload left behind (or a closed tab's), replayed after this tab's own. */
  adopt(stored: StoredWrite[]): void {
    for (const w of stored) {
      const entry: Entry = { id: w.id, order: w.order, collection: w.collection, kind: w.kind, docId: w.docId, state: 'queued', payload: w.payload };
      this.entries.push(entry);
      this.overlay(entry);
    }
    this.entries.sort((a, b) => a.order - b.order);
    this.notify();
    this.kick();
  }

  /** Try queued writes again (the connection or the leader came back). */
  kick(): void {
    if (!this.running && !this.closed && this.onlineFlag && this.entries.length) void this.run();
  }

  close(): void {
    this.closed = true;
  }

  private add(collection: string, kind: Entry['kind'], docId: string, payload: Record<string, unknown>): Promise<Doc | undefined> {
    return new Promise((resolve, reject) => {
      const entry: Entry = { id: randomId(), order: ++this.order, collection, kind, docId, state: 'queued', payload, resolve, reject };
      this.entries.push(entry);
      this.overlay(entry);
      void this.deps.persistence?.putWrite(this.stored(entry)).catch(() => undefined);
      this.notify();
      this.kick();
    });
  }

  private overlay(e: Entry): void {
    const apply = e.kind === 'create'
      ? () => ({ version: 0, ...(e.payload.input as object) }) as Doc
      : e.kind === 'update'
        ? (d: Doc | undefined) => (d ? ({ ...d, ...(e.payload.changes as object) } as Doc) : d)
        : () => undefined;
    this.deps.cache.addOverlay(e.collection, e.docId, e.id, apply);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (!this.closed && this.onlineFlag && this.entries.length) {
        const e = this.entries[0]!;
        e.state = 'sending';
        this.notify();
        let outcome: { doc: Doc | undefined; applied: boolean };
        try {
          outcome = await this.send(e);
        } catch (err) {
          if (err instanceof WriteError) {
            this.finish(e, undefined, err);
            continue;
          }
          // The transport failed: keep the write queued, try again when something changes.
          e.state = 'queued';
          this.notify();
          setTimeout(() => this.kick(), 1000);
          return;
        }
        this.finish(e, outcome.doc, undefined, outcome.applied);
      }
    } finally {
      this.running = false;
    }
  }

  private finish(e: Entry, doc: Doc | undefined, error?: WriteError, applied = true): void {
    const { cache } = this.deps;
    if (doc && applied && e.kind === 'remove') cache.delete(e.collection, doc.id, doc.version, 'write');
    else if (doc) cache.put(e.collection, doc, applied ? 'write' : 'local');
    this.entries.splice(this.entries.indexOf(e), 1);
    cache.removeOverlay(e.collection, e.docId, e.id);
    void this.deps.persistence?.deleteWrite(e.id).catch(() => undefined);
    if (error) {
      // The app sees the failure once in `pending`, then the write is gone (rolled back).
      e.state = 'failed';
      e.error = error;
      this.notifyWith([...this.list(), { id: e.id, collection: e.collection, kind: e.kind, docId: e.docId, state: 'failed', error }]);
      e.reject?.(error);
    } else {
      e.resolve?.(doc);
    }
    this.notify();
  }

  /**
   * Sends one write, resolving VERSION_CONFLICT with the collection's strategy. `applied` is false
   * when the server state won and the write was dropped.
   */
  private async send(e: Entry): Promise<{ doc: Doc | undefined; applied: boolean }> {
    const options = this.deps.collection(e.collection);
    const strategy: ConflictStrategy = options.conflict ?? 'server-wins';
    const { cache } = this.deps;
    const base = e.payload.baseVersion;
    let expected = typeof base === 'number' ? base : cache.confirmed(e.collection, e.docId)?.version;
    let changes = e.payload.changes as Record<string, unknown> | undefined;
    const field = `${e.kind === 'remove' ? 'delete' : e.kind}${e.collection}`;
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
      const result = await this.deps.execute(this.document(e.kind, e.collection, options.fields), this.variables(e, expected, changes));
      const code = errorCode(result.errors);
      if (!result.errors?.length) return { doc: result.data?.[field] as Doc, applied: true };
      if (e.kind === 'create' && code === 'UNIQUE_VIOLATION' && e.payload.generated) {
        // Our own random id already exists: an earlier attempt went through (a leader that died
        // before answering, a reload mid-flight). That create is this one.
        const existing = await this.fetch(e.collection, e.docId, options.fields);
        if (existing) return { doc: existing, applied: true };
      }
      if (code !== 'VERSION_CONFLICT' || e.kind === 'create') throw new WriteError(result.errors, code);
      const local = cache.get(e.collection, e.docId);
      const server = await this.fetch(e.collection, e.docId, options.fields);
      if (!server) throw new WriteError(result.errors, code);
      cache.put(e.collection, server);
      if (strategy === 'server-wins') return { doc: server, applied: false };
      expected = server.version;
      if (typeof strategy === 'function' && e.kind === 'update') {
        const mine = { ...server, ...(local ?? {}), ...(changes ?? {}), id: e.docId, version: server.version } as Doc;
        changes = diff(server, strategy(clone(server), clone(mine)));
        if (Object.keys(changes).length === 0) return { doc: server, applied: false };
      }
    }
    throw new WriteError([{ message: 'The write kept conflicting.', extensions: { code: 'VERSION_CONFLICT' } }], 'VERSION_CONFLICT');
  }

  private async fetch(collection: string, id: string, fields: string): Promise<Doc | undefined> {
    const field = singular(collection);
    const r = await this.deps.execute(`query($id: ID!) { ${field}(id: $id) { ${fields} } }`, { id });
    return (r.data?.[field] as Doc | null) ?? undefined;
  }

  private document(kind: Entry['kind'], type: string, fields: string): string {
    switch (kind) {
      case 'create':
        return `mutation($input: Create${type}Input!) { create${type}(input: $input) { ${fields} } }`;
      case 'update':
        return `mutation($id: ID!, $input: Update${type}Input!, $expectedVersion: Int) { update${type}(id: $id, input: $input, expectedVersion: $expectedVersion) { ${fields} } }`;
      default:
        return `mutation($id: ID!, $expectedVersion: Int) { delete${type}(id: $id, expectedVersion: $expectedVersion) { ${fields} } }`;
    }
  }

  private variables(e: Entry, expected: number | undefined, changes: Record<string, unknown> | undefined): Record<string, unknown> {
    if (e.kind === 'create') return { input: e.payload.input };
    const v: Record<string, unknown> = { id: e.docId, expectedVersion: expected ?? null };
    if (e.kind === 'update') v.input = changes ?? {};
    return v;
  }

  private stored(e: Entry): StoredWrite {
    return { id: e.id, order: e.order, owner: this.deps.tabId, collection: e.collection, kind: e.kind, docId: e.docId, payload: e.payload };
  }

  private notify(): void {
    this.notifyWith(this.list());
  }

  private notifyWith(list: PendingWrite[]): void {
    for (const l of [...this.listeners]) l(list);
  }
}

/** The user fields where `merged` differs from the server state: the patch that realises the merge. */
function diff(server: Doc, merged: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(merged)) {
    if (!SYSTEM.has(k) && JSON.stringify(v) !== JSON.stringify(server[k])) out[k] = v;
  }
  return out;
}
