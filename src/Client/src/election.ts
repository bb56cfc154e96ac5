import type { Bus, BusMessage } from './bus.js';

/** Timings of the BroadcastChannel election: a silent leader is replaced within ~0.7 s. */
export const HEARTBEAT_MS = 150;
export const LEADER_TIMEOUT_MS = 500;
const CLAIM_WINDOW_MS = 120;

/** Decides which tab of the group holds the server connection. */
export interface Election {
  readonly isLeader: boolean;
  /** The current leader's tab id, when known. */
  readonly leaderId: string | undefined;
  onChange(cb: () => void): () => void;
  start(): void;
  stop(): void;
}

abstract class BaseElection implements Election {
  protected leader: string | undefined;
  private readonly callbacks = new Set<() => void>();

  constructor(protected readonly bus: Bus) {}

  get isLeader(): boolean {
    return this.leader === this.bus.tabId;
  }

  get leaderId(): string | undefined {
    return this.leader;
  }

  onChange(cb: () => void): () => void {
    this.callbacks.add(cb);
    return () => this.callbacks.delete(cb);
  }

  protected setLeader(id: string | undefined): void {
    if (this.leader === id) return;
    this.leader = id;
    for (const cb of [...this.callbacks]) cb();
  }

  abstract start(): void;
  abstract stop(): void;
}

/**
 * Web Locks: the tab holding the group's lock is the leader; the browser hands the lock to a
 * waiting tab the moment the holder closes or crashes. The leader announces itself on the bus so
 * followers know where requests go.
 */
export class LockElection extends BaseElection {
  private release: (() => void) | undefined;
  private readonly abort = new AbortController();
  private off: (() => void) | undefined;

  constructor(bus: Bus, private readonly lockName: string, private readonly locks: LockManager) {
    super(bus);
  }

  start(): void {
    this.off = this.bus.on((m) => this.onMessage(m));
    this.bus.post({ t: 'who' });
    this.locks
      .request(this.lockName, { signal: this.abort.signal }, () => new Promise<void>((resolve) => {
        this.release = resolve;
        this.setLeader(this.bus.tabId);
        this.bus.post({ t: 'leader', id: this.bus.tabId });
      }))
      .catch(() => undefined);
  }

  stop(): void {
    if (this.isLeader) this.bus.post({ t: 'resign' });
    this.abort.abort();
    this.release?.();
    this.off?.();
  }

  private onMessage(m: BusMessage): void {
    if (m.t === 'leader' && typeof m.id === 'string') this.setLeader(m.id);
    else if (m.t === 'who' && this.isLeader) this.bus.post({ t: 'leader', id: this.bus.tabId });
    else if (m.t === 'resign' && m.from === this.leader && !this.isLeader) this.setLeader(undefined);
  }
}

/**
 * BroadcastChannel election where Web Locks is missing: the leader heartbeats; when it goes silent
 * (or resigns) tabs claim, and the smallest tab id among the claims in a short window wins. Two
 * leaders that meet (a partition healing) resolve the same way.
 */
export class BroadcastElection extends BaseElection {
  private lastHeard = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private claimTimer: ReturnType<typeof setTimeout> | undefined;
  private claims = new Set<string>();
  private off: (() => void) | undefined;

  start(): void {
    this.off = this.bus.on((m) => this.onMessage(m));
    this.lastHeard = Date.now();
    this.bus.post({ t: 'who' });
    this.watchdog = setInterval(() => this.check(), HEARTBEAT_MS / 2);
    this.heartbeat = setInterval(() => {
      if (this.isLeader) this.bus.post({ t: 'leader', id: this.bus.tabId });
    }, HEARTBEAT_MS);
    // A tab that starts alone should not wait a full timeout before serving itself.
    this.claimTimer = setTimeout(() => this.check(true), HEARTBEAT_MS * 2);
  }

  stop(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.watchdog);
    clearTimeout(this.claimTimer);
    if (this.isLeader) this.bus.post({ t: 'resign' });
    this.off?.();
  }

  private check(initial = false): void {
    if (this.isLeader || this.claiming) return;
    const silent = Date.now() - this.lastHeard > LEADER_TIMEOUT_MS;
    if (this.leader === undefined ? initial || silent : silent) this.claim();
  }

  private claiming = false;

  private claim(): void {
    this.claiming = true;
    this.claims = new Set([this.bus.tabId]);
    this.bus.post({ t: 'claim' });
    this.claimTimer = setTimeout(() => {
      this.claiming = false;
      const winner = [...this.claims].sort()[0];
      if (winner === this.bus.tabId && Date.now() - this.lastHeard > HEARTBEAT_MS * 2) {
        this.setLeader(this.bus.tabId);
        this.bus.post({ t: 'leader', id: this.bus.tabId });
      }
      this.lastHeard = Date.now();
    }, CLAIM_WINDOW_MS);
  }

  private onMessage(m: BusMessage): void {
    if (m.from === this.bus.tabId) return;
    switch (m.t) {
      case 'leader':
        if (this.isLeader && m.from > this.bus.tabId) {
          // Two leaders met: the smaller id stays, so remind the other one.
          this.bus.post({ t: 'leader', id: this.bus.tabId });
          return;
        }
        this.lastHeard = Date.now();
        this.setLeader(m.from);
        break;
      case 'claim':
        if (this.isLeader) this.bus.post({ t: 'leader', id: this.bus.tabId });
        else if (this.claiming) this.claims.add(m.from);
        break;
      case 'who':
        if (this.isLeader) this.bus.post({ t: 'leader', id: this.bus.tabId });
        break;
      case 'resign':
        if (m.from === this.leader) {
          this.setLeader(undefined);
          this.lastHeard = 0;
          this.claim();
        }
        break;
      default:
        break;
    }
  }
}
