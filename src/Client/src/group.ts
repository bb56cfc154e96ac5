import { Bus } from './bus.js';
import { BroadcastElection, LockElection, type Election } from './election.js';
import { LeaderHub } from './hub.js';
import { createLiveness, type Liveness } from './liveness.js';
import { Router } from './router.js';
import { sseTransport } from './sse-transport.js';
import { graphqlWsTransport } from './transport.js';
import type { ClientOptions, ServerTransport, TransportContext } from './types.js';
import { identityOf, randomId } from './util.js';

/**
 * One tab's membership of its group (namespace + identity): the bus, the election, the router,
 * and — while this tab leads — the hub holding the server connection.
 */
export class TabGroup {
  readonly tabId = randomId();
  readonly bus: Bus;
  readonly election: Election;
  readonly router: Router;
  readonly liveness: Liveness;
  private hub: LeaderHub | undefined;
  private readonly leaderCallbacks = new Set<(isLeader: boolean) => void>();
  private wasLeader = false;

  constructor(readonly identity: string, private readonly options: ClientOptions, private readonly context: TransportContext) {
    const namespace = options.namespace ?? 'collectionstore';
    const group = `${namespace}:${identity}`;
    this.bus = new Bus(group, this.tabId);
    const found = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    const locks = options.leaderElection === 'broadcast' ? undefined : found;
    this.liveness = createLiveness(group, locks);
    this.election = locks
      ? new LockElection(this.bus, `${group}:leader`, locks)
      : new BroadcastElection(this.bus);
    this.router = new Router(this.bus, this.election);
    this.election.onChange(() => this.onElection());
  }

  static async identify(options: ClientOptions): Promise<string> {
    return identityOf(await options.getToken?.());
  }

  start(): void {
    this.liveness.hold(this.tabId);
    this.election.start();
  }

  get isLeader(): boolean {
    return this.election.isLeader;
  }

  /** The hub while this tab leads (tests read its subscription count). */
  get leaderHub(): LeaderHub | undefined {
    return this.hub;
  }

  onLeaderChange(cb: (isLeader: boolean) => void): () => void {
    this.leaderCallbacks.add(cb);
    return () => this.leaderCallbacks.delete(cb);
  }

  async close(): Promise<void> {
    this.router.close();
    this.election.stop();
    const hub = this.hub;
    this.hub = undefined;
    await hub?.close();
    this.liveness.close();
    this.bus.close();
  }

  private onElection(): void {
    const leading = this.election.isLeader;
    if (leading && !this.hub) this.hub = new LeaderHub(this.bus, this.createTransport(), this.liveness);
    if (!leading && this.hub) {
      void this.hub.close();
      this.hub = undefined;
    }
    if (leading !== this.wasLeader) {
      this.wasLeader = leading;
      for (const cb of [...this.leaderCallbacks]) cb(leading);
    }
  }

  private createTransport(): ServerTransport {
    if (this.options.transportFactory) return this.options.transportFactory(this.context);
    if (this.options.transport === 'sse') return sseTransport(this.context);
    return graphqlWsTransport(this.context, this.options.webSocketImpl);
  }
}
