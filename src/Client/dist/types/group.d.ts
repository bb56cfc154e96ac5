import { Bus } from './bus.js';
import { type Election } from './election.js';
import { LeaderHub } from './hub.js';
import { type Liveness } from './liveness.js';
import { Router } from './router.js';
import type { ClientOptions, TransportContext } from './types.js';
/**
 * One tab's membership of its group (namespace + identity): the bus, the election, the router,
 * and — while this tab leads — the hub holding the server connection.
 */
export declare class TabGroup {
    readonly identity: string;
    private readonly options;
    private readonly context;
    readonly tabId: string;
    readonly bus: Bus;
    readonly election: Election;
    readonly router: Router;
    readonly liveness: Liveness;
    private hub;
    private readonly leaderCallbacks;
    private wasLeader;
    constructor(identity: string, options: ClientOptions, context: TransportContext);
    static identify(options: ClientOptions): Promise<string>;
    start(): void;
    get isLeader(): boolean;
    /** The hub while this tab leads (tests read its subscription count). */
    get leaderHub(): LeaderHub | undefined;
    onLeaderChange(cb: (isLeader: boolean) => void): () => void;
    close(): Promise<void>;
    private onElection;
    private createTransport;
}
