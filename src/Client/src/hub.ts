import type { Bus, BusMessage } from './bus.js';
import type { Liveness } from './liveness.js';
import { TAB_TIMEOUT_MS, sequenceOf, type Feed } from './protocol.js';
import type { ServerTransport } from './types.js';

interface SharedSubscription {
  key: string;
  document: string;
  /** Passed by reference to the transport: a reconnect re-sends it with the current `since`. */
  variables: Record<string, unknown>;
  withSince: boolean;
  tabs: Set<string>;
  feed?: Feed;
  startSince: number | null;
  lastSeq?: number;
  dispose: () => void;
}

/**
 * The leader tab's side: runs every tab's operations on the one server connection. Identical
 * subscriptions (same key) share one server subscription whose events are broadcast to all tabs;
 * each tab dedupes by sequence, so a resumed or restarted subscription never delivers twice.
 */
export class LeaderHub {
  private readonly subs = new Map<string, SharedSubscription>();
  private readonly inflight = new Set<string>();
  private readonly seen = new Map<string, number>();
  private readonly watched = new Map<string, () => void>();
  private readonly offBus: () => void;
  private readonly offConn: (() => void) | undefined;
  private readonly pruner: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly bus: Bus, private readonly transport: ServerTransport, private readonly liveness?: Liveness) {
    this.offBus = bus.on((m) => this.onMessage(m));
    this.offConn = transport.onConnectionChange?.((connected) => bus.post({ t: 'conn', connected }));
    this.pruner = setInterval(() => this.prune(), TAB_TIMEOUT_MS / 2);
  }

  get subscriptionCount(): number {
    return this.subs.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.offBus();
    this.offConn?.();
    clearInterval(this.pruner);
    for (const cancel of this.watched.values()) cancel();
    this.watched.clear();
    for (const s of this.subs.values()) s.dispose();
    this.subs.clear();
    await this.transport.close();
  }

  private onMessage(m: BusMessage): void {
    if (this.closed) return;
    this.noteTab(m.from);
    if (m.to !== this.bus.tabId && m.t !== 'bye') return;
    switch (m.t) {
      case 'q':
        void this.execute(m);
        break;
      case 's+':
        this.addSubscriber(m);
        break;
      case 's-':
        this.removeSubscriber(m.key as string, m.from);
        break;
      case 'bye':
        this.dropTab(m.from);
        break;
      default:
        break;
    }
  }

  private async execute(m: BusMessage): Promise<void> {
    const opId = m.opId as string;
    if (this.inflight.has(opId)) return;
    this.inflight.add(opId);
    try {
      const result = await this.transport.execute(m.document as string, m.variables as Record<string, unknown>);
      this.bus.post({ t: 'qr', to: m.from, opId, result });
    } catch (e) {
      this.bus.post({ t: 'qr', to: m.from, opId, failure: e instanceof Error ? e.message : String(e) });
    } finally {
      this.inflight.delete(opId);
    }
  }

  private addSubscriber(m: BusMessage): void {
    const key = m.key as string;
    const since = typeof m.since === 'number' ? m.since : null;
    const existing = this.subs.get(key);
    if (existing) {
      existing.tabs.add(m.from);
      if (m.feed) existing.feed = m.feed as Feed;
      // A tab behind what this subscription already delivered (or started from) gets a replay from
      // its own position; the tabs that had those events drop the repeated sequences.
      const behind = existing.lastSeq !== undefined
        ? since !== null && since < existing.lastSeq
        : since !== null && (existing.startSince === null || since < existing.startSince);
      if (existing.withSince && behind) {
        existing.dispose();
        this.start(existing, since);
      }
      return;
    }
    const variables = { ...((m.variables as Record<string, unknown>) ?? {}) };
    const sub: SharedSubscription = {
      key,
      document: m.document as string,
      variables,
      withSince: Boolean(m.withSince),
      tabs: new Set([m.from]),
      feed: m.feed as Feed | undefined,
      startSince: since,
      dispose: () => undefined,
    };
    this.subs.set(key, sub);
    this.start(sub, since);
  }

  private start(sub: SharedSubscription, since: number | null): void {
    sub.startSince = since;
    sub.lastSeq = undefined;
    const variables = sub.withSince ? { ...sub.variables, since } : { ...sub.variables };
    sub.variables = variables;
    let active = true;
    const dispose = this.transport.subscribe(sub.document, variables, {
      next: (result) => {
        if (!active) return;
        const seq = sequenceOf(result);
        if (seq !== undefined) {
          sub.lastSeq = seq;
          if (sub.withSince) variables.since = seq;
        }
        this.bus.post({ t: 'se', key: sub.key, seq, result, feed: sub.feed });
      },
      error: (error) => {
        if (!active) return;
        active = false;
        this.subs.delete(sub.key);
        this.bus.post({ t: 'sx', key: sub.key, error: serializable(error) });
      },
      complete: () => {
        if (!active) return;
        active = false;
        this.subs.delete(sub.key);
        this.bus.post({ t: 'sc', key: sub.key });
      },
    });
    sub.dispose = () => {
      active = false;
      dispose();
    };
  }

  private removeSubscriber(key: string, tab: string): void {
    const sub = this.subs.get(key);
    if (!sub) return;
    sub.tabs.delete(tab);
    if (sub.tabs.size === 0) {
      sub.dispose();
      this.subs.delete(key);
    }
  }

  private noteTab(tab: string): void {
    if (!this.seen.has(tab) && tab !== this.bus.tabId && this.liveness?.watch) {
      this.watched.set(tab, this.liveness.watch(tab, () => this.dropTab(tab)));
    }
    this.seen.set(tab, Date.now());
  }

  private dropTab(tab: string): void {
    this.seen.delete(tab);
    this.watched.get(tab)?.();
    this.watched.delete(tab);
    for (const key of [...this.subs.keys()]) this.removeSubscriber(key, tab);
  }

  private prune(): void {
    // Lock-watched tabs are never timed out: a throttled background tab is still alive.
    if (this.liveness?.watch) return;
    const now = Date.now();
    for (const [tab, at] of this.seen) {
      if (tab !== this.bus.tabId && now - at > TAB_TIMEOUT_MS) this.dropTab(tab);
    }
  }
}

/** Errors cross the BroadcastChannel by structured clone: keep only plain data. */
function serializable(error: unknown): unknown {
  if (error instanceof Error) return { message: error.message };
  try {
    return JSON.parse(JSON.stringify(error));
  } catch {
    return { message: String(error) };
  }
}
