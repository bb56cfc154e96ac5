// The peer's GraphQL schema and resolvers: tasks in a Map, every committed write published to the live
// subscriptions whose `where` it touches, each subscription fed through its own async iterator (what graphql-ws
// executes once per subscriber per event).
import { buildSchema } from 'graphql';
import { randomUUID } from 'node:crypto';

export const schema = buildSchema(`
  scalar Long
  enum ChangeKind { ADDED UPDATED REMOVED }
  enum ChangeOperation { CREATED UPDATED DELETED }
  type Task { id: ID! version: Int! projectId: ID! title: String! done: Boolean! priority: Int! }
  type TaskChange { kind: ChangeKind! operation: ChangeOperation! sequence: Long! task: Task! }
  input IdOperationFilterInput { eq: ID neq: ID in: [ID] }
  input StringOperationFilterInput { eq: String neq: String in: [String] startsWith: String }
  input BooleanOperationFilterInput { eq: Boolean neq: Boolean }
  input IntOperationFilterInput { eq: Int neq: Int gt: Int lt: Int }
  input TaskFilterInput {
    and: [TaskFilterInput!] or: [TaskFilterInput!]
    id: IdOperationFilterInput projectId: IdOperationFilterInput title: StringOperationFilterInput
    done: BooleanOperationFilterInput priority: IntOperationFilterInput
  }
  input CreateTaskInput { projectId: ID! title: String! done: Boolean priority: Int }
  input UpdateTaskInput { projectId: ID title: String done: Boolean priority: Int }
  type Query { task(id: ID!): Task }
  type Mutation { createTask(input: CreateTaskInput!): Task! updateTask(id: ID!, input: UpdateTaskInput!): Task! }
  type Subscription { taskChanged(where: TaskFilterInput): TaskChange! }
`);

export const counters = { active: 0, executions: 0 };
const tasks = new Map();
const listeners = new Set();
let sequence = 0;

function matchesField(value, filter) {
  for (const [operator, operand] of Object.entries(filter)) {
    if (operator === 'eq' && value !== operand) return false;
    if (operator === 'neq' && value === operand) return false;
    if (operator === 'in' && !operand.includes(value)) return false;
    if (operator === 'startsWith' && !(typeof value === 'string' && value.startsWith(operand))) return false;
    if (operator === 'gt' && !(value > operand)) return false;
    if (operator === 'lt' && !(value < operand)) return false;
  }
  return true;
}

function matches(task, where) {
  if (!where) return true;
  for (const [key, filter] of Object.entries(where)) {
    if (key === 'and' && !filter.every((inner) => matches(task, inner))) return false;
    if (key === 'or' && !filter.some((inner) => matches(task, inner))) return false;
    if (key !== 'and' && key !== 'or' && !matchesField(task[key], filter)) return false;
  }
  return true;
}

function publish(operation, before, after) {
  sequence += 1;
  for (const listener of listeners) {
    const was = before !== null && matches(before, listener.where);
    const is = after !== null && matches(after, listener.where);
    if (!was && !is) continue;
    const kind = !was ? 'ADDED' : is ? 'UPDATED' : 'REMOVED';
    listener.push({ kind, operation, sequence, task: is ? after : before });
  }
}

/** An async iterator over the changes one subscription's `where` touches, ended by graphql-ws's return(). */
function changes(where) {
  const queue = [];
  let wake = null;
  let done = false;
  const listener = {
    where,
    push(event) {
      if (wake) { const resolve = wake; wake = null; resolve({ value: event, done: false }); } else { queue.push(event); }
    },
  };
  listeners.add(listener);
  counters.active += 1;
  const finish = () => {
    if (!done) { done = true; listeners.delete(listener); counters.active -= 1; }
    if (wake) { const resolve = wake; wake = null; resolve({ value: undefined, done: true }); }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    [Symbol.asyncIterator]() { return this; },
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => { wake = resolve; });
    },
    return: finish,
    throw: (error) => { finish(); return Promise.reject(error); },
  };
}

const fields = (type) => schema.getType(type).getFields();

fields('Subscription').taskChanged.subscribe = (_, { where }) => changes(where ?? null);
fields('Subscription').taskChanged.resolve = (event) => { counters.executions += 1; return event; };

fields('Query').task.resolve = (_, { id }) => tasks.get(id) ?? null;

fields('Mutation').createTask.resolve = (_, { input }) => {
  const task = { id: randomUUID(), version: 1, done: false, priority: 0, ...input };
  tasks.set(task.id, task);
  publish('CREATED', null, task);
  return task;
};

fields('Mutation').updateTask.resolve = (_, { id, input }) => {
  const before = tasks.get(id);
  if (!before) throw new Error(`Task ${id} not found`);
  const after = { ...before, ...input, id, version: before.version + 1 };
  tasks.set(id, after);
  publish('UPDATED', before, after);
  return after;
};
