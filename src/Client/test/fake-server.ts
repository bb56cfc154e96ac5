// An in-memory stand-in for the server side of the leader's connection (unit tests only): enough
// of the generated API (create/update/delete, list and get queries, xChanged with where/since)
// to drive the client's cross-tab, cache and write logic without a real server.
import { compare, matches } from '../src/filter.js';
import type { Doc, ExecutionResult, ServerTransport, Sink } from '../src/types.js';

interface Change { seq: number; collection: string; op: 'CREATED' | 'UPDATED' | 'DELETED'; doc: Doc; previous?: Doc }
interface Sub { collection: string; field: string; where?: object; sink: Sink; closed: boolean }

const conflict = (msg: string, code: string) => ({ errors: [{ message: msg, extensions: { code } }] });

export class FakeServer {
  readonly docs = new Map<string, Map<string, Doc>>();
  readonly log: Change[] = [];
  readonly subs = new Set<Sub>();
  connections = 0;
  executed: string[] = [];
  /** Changes older than this are gone: a since before it gets RESYNC_REQUIRED. */
  retentionFloor = 0;
  /** Lets a test hold operations back (e.g. to crash a leader mid-flight). */
  gate: Promise<void> | undefined;
  /** While set, change events wait here (to order them after a mutation's response). */
  held: Change[] | undefined;
  private seq = 0;
  private nextId = 1;

  get activeSubscriptions(): number {
    return [...this.subs].filter((s) => !s.closed).length;
  }

  transport = (): ServerTransport => {
    this.connections++;
    const mine = new Set<Sub>();
    return {
      execute: async (document, variables) => {
        if (this.gate) await this.gate;
        return this.execute(document, variables ?? {});
      },
      subscribe: (document, variables, sink) => this.subscribe(document, variables ?? {}, sink, mine),
      close: async () => {
        this.connections--;
        for (const s of mine) { s.closed = true; this.subs.delete(s); }
      },
    };
  };

  collection(name: string): Map<string, Doc> {
    let m = this.docs.get(name);
    if (!m) this.docs.set(name, (m = new Map()));
    return m;
  }

  /** A write by "another process". */
  write(collection: string, op: 'create' | 'update' | 'delete', idOrInput: any, input?: any): Doc {
    const r = op === 'create' ? this.create(collection, idOrInput) : op === 'update' ? this.update(collection, idOrInput, input) : this.delete(collection, idOrInput);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    return r;
  }

  execute(document: string, v: Record<string, any>): ExecutionResult {
    this.executed.push(document);
    let m = /(create|update|delete)([A-Z]\w*)\(/.exec(document);
    if (m) {
      const [, op, type] = m as unknown as [string, string, string];
      const field = `${op}${type}`;
      const r = op === 'create' ? this.create(type, v.input) : op === 'update' ? this.update(type, v.id, v.input, v.expectedVersion) : this.delete(type, v.id, v.expectedVersion);
      return 'errors' in r ? { data: null as any, errors: (r as { errors: any[] }).errors } : { data: { [field]: r } };
    }
    m = /\{\s*(\w+)\s*\(/.exec(document);
    const field = m?.[1] ?? '';
    const type = [...this.docs.keys()].find((t) => field === lower(t) || field === `${lower(t)}s`) ?? typeFrom(field);
    if (field === lower(type)) return { data: { [field]: this.collection(type).get(v.id) ?? null } };
    let nodes = [...this.collection(type).values()].filter((d) => matches(v.where ?? {}, d)).sort(compare(v.order ?? []));
    const totalCount = nodes.length;
    if (typeof v.first === 'number') nodes = nodes.slice(0, v.first);
    return { data: { [field]: { nodes, totalCount, pageInfo: { hasNextPage: nodes.length < totalCount } } } };
  }

  private create(type: string, input: any): Doc | { errors: any[] } {
    const id = input.id ?? `id${String(this.nextId++).padStart(4, '0')}`;
    if (this.collection(type).has(id)) return conflict('exists', 'UNIQUE_VIOLATION');
    const doc = { ...input, id, version: 1 } as Doc;
    this.collection(type).set(id, doc);
    this.emit(type, 'CREATED', doc);
    return doc;
  }

  private update(type: string, id: string, input: any, expected?: number): Doc | { errors: any[] } {
    const before = this.collection(type).get(id);
    if (!before) return conflict('missing', 'NOT_FOUND');
    if (typeof expected === 'number' && expected !== before.version) return conflict(`at ${before.version}`, 'VERSION_CONFLICT');
    const doc = { ...before, ...input, id, version: before.version + 1 } as Doc;
    this.collection(type).set(id, doc);
    this.emit(type, 'UPDATED', doc, before);
    return doc;
  }

  private delete(type: string, id: string, expected?: number): Doc | { errors: any[] } {
    const before = this.collection(type).get(id);
    if (!before) return conflict('missing', 'NOT_FOUND');
    if (typeof expected === 'number' && expected !== before.version) return conflict(`at ${before.version}`, 'VERSION_CONFLICT');
    this.collection(type).delete(id);
    this.emit(type, 'DELETED', before);
    return before;
  }

  private emit(collection: string, op: Change['op'], doc: Doc, previous?: Doc): void {
    const change = { seq: ++this.seq, collection, op, doc, previous };
    this.log.push(change);
    if (this.held) this.held.push(change);
    else for (const s of [...this.subs]) this.deliver(s, change);
  }

  releaseEvents(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const c of held) for (const s of [...this.subs]) this.deliver(s, c);
  }

  private deliver(s: Sub, c: Change): void {
    if (s.closed || s.collection !== c.collection) return;
    const now = c.op !== 'DELETED' && matches(s.where ?? {}, c.doc);
    const before = c.previous ? matches(s.where ?? {}, c.previous) : false;
    let kind: string | undefined;
    let doc = c.doc;
    if (c.op === 'CREATED') kind = now ? 'ADDED' : undefined;
    else if (c.op === 'DELETED') kind = matches(s.where ?? {}, c.doc) ? 'REMOVED' : undefined;
    else if (now) kind = before ? 'UPDATED' : 'ADDED';
    else if (before) { kind = 'REMOVED'; doc = c.previous!; }
    if (!kind) return;
    s.sink.next({ data: { [s.field + 'Changed']: { kind, operation: c.op, sequence: c.seq, [s.field]: doc, previous: c.previous ?? null } } });
  }

  private subscribe(document: string, v: Record<string, any>, sink: Sink, mine: Set<Sub>): () => void {
    const field = /(\w+)Changed/.exec(document)?.[1] ?? '';
    const collection = field.charAt(0).toUpperCase() + field.slice(1);
    const sub: Sub = { collection, field, where: v.where, sink, closed: false };
    if (typeof v.since === 'number' && v.since < this.retentionFloor) {
      queueMicrotask(() => sink.error?.({ errors: [{ message: 'too old', extensions: { code: 'RESYNC_REQUIRED' } }] }));
      return () => undefined;
    }
    if (typeof v.since === 'number') for (const c of this.log.filter((x) => x.seq > v.since)) this.deliver(sub, c);
    this.subs.add(sub);
    mine.add(sub);
    return () => { sub.closed = true; this.subs.delete(sub); mine.delete(sub); };
  }
}

function lower(t: string): string {
  return t.charAt(0).toLowerCase() + t.slice(1);
}

function typeFrom(field: string): string {
  const s = field.endsWith('s') ? field.slice(0, -1) : field;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Waits until the condition holds, failing after the deadline (no fixed sleeps). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
