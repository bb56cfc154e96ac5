import type { Bus } from './bus.js';
import type { Liveness } from './liveness.js';
import type { ServerTransport } from './types.js';
/**
 * The leader tab's side: runs every tab's operations on the one server connection. Identical
 * subscriptions (same key) share one server subscription whose events are broadcast to all tabs;
 * each tab dedupes by sequence, so a resumed or restarted subscription never delivers twice.
 */
export declare class LeaderHub {
    private readonly bus;
    private readonly transport;
    private readonly liveness?;
    private readonly subs;
    private readonly inflight;
    private readonly seen;
    private readonly watched;
    private readonly offBus;
    private readonly offConn;
    private readonly pruner;
    private closed;
    constructor(bus: Bus, transport: ServerTransport, liveness?: Liveness | undefined);
    get subscriptionCount(): number;
    close(): Promise<void>;
    private onMessage;
    private execute;
    private addSubscriber;
    private start;
    private removeSubscriber;
    private noteTab;
    private dropTab;
    private prune;
}
