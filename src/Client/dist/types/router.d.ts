import type { Bus } from './bus.js';
import type { Election } from './election.js';
import { type Feed } from './protocol.js';
import type { ExecutionResult, Sink } from './types.js';
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
export declare class Router {
    private readonly bus;
    private readonly election;
    private readonly ops;
    private readonly subs;
    private readonly eventListeners;
    private readonly offBus;
    private readonly offElection;
    private readonly heartbeat;
    private leader;
    private closed;
    constructor(bus: Bus, election: Election);
    static keyOf(document: string, variables: Record<string, unknown> | undefined): string;
    query(document: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
    subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink, feed?: Feed): () => void;
    /** Every change event of the group, whichever tab subscribed. */
    onEvent(cb: (e: BroadcastEvent) => void): () => void;
    lastSequence(document: string, variables: Record<string, unknown> | undefined): number | undefined;
    close(): void;
    private onLeader;
    private sendOp;
    private sendSubscribe;
    private onMessage;
    private onSubscriptionEvent;
    private onSubscriptionEnd;
}
