// Shared helpers of the WebSocket client tests: HTTP mutations, event queues and bounded waits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

export const url = process.env.GRAPHQL_URL;
if (!url) {
  throw new Error('GRAPHQL_URL must point at a running Collection Store /graphql endpoint');
}

export const wsUrl = url.replace(/^http/, 'ws');
export const metricsUrl = new URL('/metrics', url).toString();
export const TIMEOUT_MS = 10_000;

/** A unique title prefix, so tests running against a shared server never see each other's documents. */
export const uniquePrefix = () => `t-${randomUUID()}-`;

export async function gql(query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

export const createTask = async (title, done = false) =>
  (await gql('mutation($t: String!, $d: Boolean!) { createTask(input: { projectId: "p", title: $t, done: $d }) { id } }', { t: title, d: done })).createTask.id;

export const updateTask = (id, input) =>
  gql('mutation($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { id } }', { id, input });

export const deleteTask = (id) => gql('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id });

/** Collects pushed values; take() waits (bounded) for the next one. */
export class Queue {
  #items = [];
  #waiters = [];

  push(item) {
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter(item);
    } else {
      this.#items.push(item);
    }
  }

  get size() {
    return this.#items.length;
  }

  take(timeoutMs = TIMEOUT_MS) {
    if (this.#items.length > 0) {
      return Promise.resolve(this.#items.shift());
    }
    return new Promise((resolve, reject) => {
      const waiter = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error('timed out waiting for an event'));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }
}

export async function waitFor(condition, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const metrics = async () => (await fetch(metricsUrl)).json();

/**
 * Creates probe documents until one reaches the subscription (it may not be live yet when the first is written).
 * Later probe events are dropped by the caller's sink, so tests see only their own changes.
 */
export async function waitUntilLive(probes, prefix) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await createTask(`${prefix}probe`);
    try {
      return await probes.take(250);
    } catch {
      // Not live yet: probe again.
    }
  }
  throw new Error('the subscription never became live');
}

/** A sink for graphql-ws-style clients that routes probe events apart from the test's own events. */
export function probingSink(prefix) {
  const events = new Queue();
  const probes = new Queue();
  let live = false;
  const sink = {
    next: (value) => {
      const title = value?.data?.taskChanged?.task?.title;
      if (typeof title === 'string' && title.startsWith(`${prefix}probe`)) {
        if (!live) {
          live = true;
          probes.push(value);
        }
        return;
      }
      events.push(value);
    },
    error: (error) => events.push({ error }),
    complete: () => events.push({ complete: true }),
  };
  return { events, probes, sink };
}
