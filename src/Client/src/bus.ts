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
export class Bus {
  private readonly channel: BroadcastChannel;
  private readonly listeners = new Set<Listener>();
  private closed = false;

  constructor(name: string, readonly tabId: string) {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (e: MessageEvent) => this.dispatch(e.data as BusMessage);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  post(msg: Omit<BusMessage, 'from'>): void {
    if (this.closed) return;
    const full = { ...msg, from: this.tabId } as BusMessage;
    this.channel.postMessage(full);
    queueMicrotask(() => this.dispatch(full));
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.channel.close();
  }

  private dispatch(msg: BusMessage): void {
    if (this.closed || !msg || typeof msg.t !== 'string') return;
    if (msg.to !== undefined && msg.to !== this.tabId) return;
    for (const l of [...this.listeners]) l(msg);
  }
}
