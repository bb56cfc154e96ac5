import { createClient } from '../src/client.js';
import type { ClientOptions, CollectionStoreClient } from '../src/types.js';
import type { FakeServer } from './fake-server.js';

export const TASK_FIELDS = 'id version title done priority projectId';

let counter = 0;

/** A fresh group name per test, so tests never see each other's tabs. */
export function groupName(): string {
  return `test-${process.pid}-${++counter}`;
}

/** Opens "tabs" (client instances) of one group against the fake server; close them with closeAll. */
export class Tabs {
  private readonly open: CollectionStoreClient[] = [];

  constructor(readonly server: FakeServer, readonly namespace = groupName()) {}

  tab(extra: Partial<ClientOptions> = {}): CollectionStoreClient {
    const c = createClient({
      url: 'http://localhost/graphql',
      namespace: this.namespace,
      leaderElection: 'broadcast',
      transportFactory: this.server.transport,
      collections: { Task: { fields: TASK_FIELDS } },
      ...extra,
    });
    this.open.push(c);
    return c;
  }

  async close(c: CollectionStoreClient): Promise<void> {
    this.open.splice(this.open.indexOf(c), 1);
    await c.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((c) => c.close()));
  }
}
