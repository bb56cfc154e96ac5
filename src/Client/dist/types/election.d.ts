import type { Bus } from './bus.js';
/** Timings of the BroadcastChannel election: a silent leader is replaced within ~0.7 s. */
export declare const HEARTBEAT_MS = 150;
export declare const LEADER_TIMEOUT_MS = 500;
/** Decides which tab of the group holds the server connection. */
export interface Election {
    readonly isLeader: boolean;
    /** The current leader's tab id, when known. */
    readonly leaderId: string | undefined;
    onChange(cb: () => void): () => void;
    start(): void;
    stop(): void;
}
declare abstract class BaseElection implements Election {
    protected readonly bus: Bus;
    protected leader: string | undefined;
    private readonly callbacks;
    constructor(bus: Bus);
    get isLeader(): boolean;
    get leaderId(): string | undefined;
    onChange(cb: () => void): () => void;
    protected setLeader(id: string | undefined): void;
    abstract start(): void;
    abstract stop(): void;
}
/**
 * Web Locks: the tab holding the group's lock is the leader; the browser hands the lock to a
 * waiting tab the moment the holder closes or crashes. The leader announces itself on the bus so
 * followers know where requests go.
 */
export declare class LockElection extends BaseElection {
    private readonly lockName;
    private readonly locks;
    private release;
    private readonly abort;
    private off;
    constructor(bus: Bus, lockName: string, locks: LockManager);
    start(): void;
    stop(): void;
    private onMessage;
}
/**
 * BroadcastChannel election where Web Locks is missing: the leader heartbeats; when it goes silent
 * (or resigns) tabs claim, and the smallest tab id among the claims in a short window wins. Two
 * leaders that meet (a partition healing) resolve the same way.
 */
export declare class BroadcastElection extends BaseElection {
    private lastHeard;
    private heartbeat;
    private watchdog;
    private claimTimer;
    private claims;
    private off;
    start(): void;
    stop(): void;
    private check;
    private claiming;
    private claim;
    private onMessage;
}
export {};
