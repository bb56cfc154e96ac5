/** A message between the tabs of one group. `from` is the sending tab, `to` an optional recipient. */
export interface BusMessage {
    t: string;
    from: string;
    to?: string;
    [key: string]: unknown;
}
type Listener = (msg: BusMessage) => void;
/**
 * The group's BroadcastChannel. A channel never hears its own posts, so post() also delivers to
 * this tab's listeners (asynchronously, like the channel) — the leader then serves its own tab
 * exactly as it serves the others.
 */
export declare class Bus {
    readonly tabId: string;
    private readonly channel;
    private readonly listeners;
    private closed;
    constructor(name: string, tabId: string);
    on(listener: Listener): () => void;
    post(msg: Omit<BusMessage, 'from'>): void;
    close(): void;
    private dispatch;
}
export {};
