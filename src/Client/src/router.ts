import type { Bus, BusMessage } from './bus.js';
import type { Election } from './election.js';
import { TAB_HEARTBEAT_MS, usesSince, type Feed } from './protocol.js';
import type { ExecutionResult, Sink } from './types.js';
import { randomId, stableStringify } from './util.js';

interface PendingOp {
  document: string;
  variables?: Record<string, unknown>;
  resolve(r: ExecutionResult): void;
  reject(e: Error): void;
}

interface LocalSubscription {
  document: string;
  variables: Record<string, unknown>;
  withSince: boolean;
  sinks: Set<Sink>;
  feed?: Feed;
  /** Highest sequence this tab delivered; resumes and dedupes. */
  lastSeq?: number;
}

/** A change event as every tab receives it (used to keep each tab's cache identical). */
export interface BroadcastEvent {
  key: string;
  seq?: number;
  result: any;
  feed?: Feed;
}

/**
 * A tab's side of the group: sends queries and subscriptions to the current leader and delivers
 * what comes back. When the leader changes, every pending query and live subscription is sent
 * again to the new one, subscriptions with `since` = the last sequence this tab delivered.
 */
export class Router {
  private readonly ops = new Map<string, PendingOp>();
  private readonly subs = new Map<string, LocalSubscription>();
  private readonly eventListeners = new Set<(e: BroadcastEvent) => void>();
  private readonly offBus: () => void;
  private readonly offElection: () => void;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private leader: string | undefined;
  private closed = false;

  constructor(private readonly bus: Bus, private readonly election: Election) {
    this.offBus = bus.on((m) => this.onMessage(m));
    this.offElection = election.onChange(() => this.onLeader());
    this.heartbeat = setInterval(() => bus.post({ t: 'hb' }), TAB_HEARTBEAT_MS);
  }

  static keyOf(document: string, variables: Record<string, unknown> | undefined): string {
    const { since: _ignored, ...rest } = variables ?? {};
    return `${document}\u0000${stableStringify(rest)}`;
  }

  query(document: string, variables?: Record<string, unknown>): Promise<ExecutionResult> {
    if (this.closed) return Promise.reject(new Error('The client is closed.'));
    const opId = `${this.bus.tabId}:${randomId()}`;
    return new Promise((resolve, reject) => {
      this.ops.set(opId, { document, variables, resolve, reject });
      this.sendOp(opId);
    });
  }

  subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink, feed?: Feed): () => void {
    const key = Router.keyOf(document, variables);
    let sub = this.subs.get(key);
    if (!sub) {
      sub = { document, variables: { ...(variables ?? {}) }, withSince: usesSince(document), sinks: new Set(), feed };
      const since = sub.variables.since;
      if (typeof since === 'number') sub.lastSeq = since;
      this.subs.set(key, sub);
      sub.sinks.add(sink);
      this.sendSubscribe(key, sub);
    } else {
      sub.sinks.add(sink);
      if (feed && !sub.feed) sub.feed = feed;
    }
    const owned = sub;
    return () => {
      if (!owned.sinks.delete(sink) || owned.sinks.size > 0) return;
      this.subs.delete(key);
      if (this.leader) this.bus.post({ t: 's-', to: this.leader, key });
    };
  }

  /** Every change event of the group, whichever tab subscribed. */
  onEvent(cb: (e: BroadcastEvent) => void): () => void {
    this.eventListeners.add(cb);
    return () => this.eventListeners.delete(cb);
  }

  lastSequence(document: string, variables: Record<string, unknown> | undefined): number | undefined {
    return this.subs.get(Router.keyOf(document, variables))?.lastSeq;
  }

  close(): void {
    this.closed = true;
    this.bus.post({ t: 'bye' });
    clearInterval(this.heartbeat);
    this.offBus();
    this.offElection();
    for (const op of this.ops.values()) op.reject(new Error('The client is closed.'));
    this.ops.clear();
    this.subs.clear();
  }

  private onLeader(): void {
    const leader = this.election.leaderId;
    if (leader === this.leader) return;
    this.leader = leader;
    if (!leader) return;
    for (const opId of this.ops.keys()) this.sendOp(opId);
    for (const [key, sub] of this.subs) this.sendSubscribe(key, sub);
  }

  private sendOp(opId: string): void {
    const op = this.ops.get(opId);
    if (!op || !this.leader) return;
    this.bus.post({ t: 'q', to: this.leader, opId, document: op.document, variables: op.variables });
  }

  private sendSubscribe(key: string, sub: LocalSubscription): void {
    if (!this.leader) return;
    this.bus.post({
      t: 's+', to: this.leader, key, document: sub.document, variables: sub.variables,
      withSince: sub.withSince, since: sub.lastSeq ?? null, feed: sub.feed,
    });
  }

  private onMessage(m: BusMessage): void {
    if (this.closed) return;
    switch (m.t) {
      case 'qr': {
        const op = this.ops.get(m.opId as string);
        if (!op) return;
        this.ops.delete(m.opId as string);
        if (typeof m.failure === 'string') op.reject(new Error(m.failure));
        else op.resolve(m.result as ExecutionResult);
        break;
      }
      case 'se':
        this.onSubscriptionEvent(m as unknown as BroadcastEvent);
        break;
      case 'sx':
      case 'sc':
        this.onSubscriptionEnd(m.key as string, m.t === 'sx' ? m.error : undefined, m.t === 'sx');
        break;
      default:
        break;
    }
  }

  private onSubscriptionEvent(e: BroadcastEvent): void {
    for (const l of [...this.eventListeners]) l(e);
    const sub = this.subs.get(e.key);
    if (!sub) return;
    if (e.seq !== undefined) {
      if (sub.lastSeq !== undefined && e.seq <= sub.lastSeq) return;
      sub.lastSeq = e.seq;
    }
    for (const sink of [...sub.sinks]) sink.next(e.result);
  }

  private onSubscriptionEnd(key: string, error: unknown, failed: boolean): void {
    const sub = this.subs.get(key);
    if (!sub) return;
    this.subs.delete(key);
    for (const sink of [...sub.sinks]) {
      if (failed) sink.error?.(error);
      else sink.complete?.();
    }
  }
}
