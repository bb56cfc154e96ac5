import { TabGroup } from './group.js';
import type { ClientOptions, CollectionStoreClient, Doc, ExecutionResult, LiveList, PendingWrite, Sink, WatchOptions } from './types.js';

/** Creates this tab's client; tabs of the same origin, namespace and identity share one connection. */
export function createClient(options: ClientOptions): CollectionStoreClient {
  return new Client(options);
}

class Client implements CollectionStoreClient {
  readonly ready: Promise<void>;
  private group: TabGroup | undefined;
  private readonly leaderCallbacks = new Set<(isLeader: boolean) => void>();
  private closed = false;
  private onlineFlag = true;

  constructor(private readonly options: ClientOptions) {
    this.ready = this.init();
  }

  private async init(): Promise<void> {
    const identity = await TabGroup.identify(this.options);
    const getToken = async () => (await this.options.getToken?.()) ?? null;
    const group = new TabGroup(identity, this.options, { url: this.options.url, getToken });
    this.group = group;
    group.onLeaderChange((leading) => this.leaderCallbacks.forEach((cb) => cb(leading)));
    group.start();
  }

  get isLeader(): boolean {
    return this.group?.isLeader ?? false;
  }

  onLeaderChange(cb: (isLeader: boolean) => void): () => void {
    this.leaderCallbacks.add(cb);
    return () => this.leaderCallbacks.delete(cb);
  }

  async query<T = any>(document: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    await this.ready;
    return (await this.group!.router.query(document, variables)) as ExecutionResult<T>;
  }

  subscribe(document: string, variables: Record<string, unknown> | undefined, sink: Sink): () => void {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void this.ready.then(() => {
      if (!cancelled && !this.closed) dispose = this.group!.router.subscribe(document, variables, sink);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }

  watch(_collection: string, _opts?: WatchOptions): LiveList {
    throw new Error('not yet');
  }

  create(_collection: string, _input: object): Promise<Doc> {
    throw new Error('not yet');
  }

  update(_collection: string, _id: string, _changes: object): Promise<Doc> {
    throw new Error('not yet');
  }

  remove(_collection: string, _id: string): Promise<void> {
    throw new Error('not yet');
  }

  readonly pending = {
    list: (): PendingWrite[] => [],
    subscribe: (_cb: (p: PendingWrite[]) => void) => () => undefined,
  };

  cache(_collection: string): { get(id: string): Doc | undefined; all(): Doc[] } {
    return { get: () => undefined, all: () => [] };
  }

  get online(): boolean {
    return this.onlineFlag;
  }

  set online(value: boolean) {
    this.onlineFlag = value;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready;
    await this.group?.close();
  }
}
