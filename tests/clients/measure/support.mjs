// Shared helpers of the real-client tests: the server's URLs, plain HTTP GraphQL calls, bounded waits.
export const httpUrl = process.env.GRAPHQL_URL;
if (!httpUrl) {
  throw new Error('GRAPHQL_URL must point at a running Collection Store /graphql endpoint');
}

export const wsUrl = httpUrl.replace(/^http/, 'ws');

export async function graphql(query, variables) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
  return body.data;
}

export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function createProject(name) {
  const data = await graphql('mutation($n: String!) { createProject(input: { name: $n, ownerId: "owner" }) { id } }', { n: name });
  return data.createProject.id;
}

/** Resolves when `condition()` holds; rejects after `ms` milliseconds. */
export async function waitFor(condition, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The server's count of live subscriptions (GET /metrics). graphql-ws has no acknowledgement for `subscribe`, so
 * a test waits for the count to rise before its first write. Test files run one at a time (package.json), so the
 * count is theirs alone.
 */
export const activeSubscriptions = {
  async current() {
    const metrics = await (await fetch(new URL('/metrics', httpUrl))).json();
    return metrics.subscriptions.active;
  },
  async reached(count, bound = 'at least') {
    const deadline = Date.now() + 10_000;
    const holds = (active) => (bound === 'at least' ? active >= count : active <= count);
    while (!holds(await this.current())) {
      if (Date.now() > deadline) {
        throw new Error(`not ${bound} ${count} live subscriptions`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  },
};
