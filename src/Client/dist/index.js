// src/bus.ts
var Bus = class {
  constructor(name, tabId) {
    this.tabId = tabId;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (e) => this.dispatch(e.data);
  }
  tabId;
  channel;
  listeners = /* @__PURE__ */ new Set();
  closed = false;
  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  post(msg) {
    if (this.closed) return;
    const full = { ...msg, from: this.tabId };
    this.channel.postMessage(full);
    queueMicrotask(() => this.dispatch(full));
  }
  close() {
    this.closed = true;
    this.listeners.clear();
    this.channel.close();
  }
  dispatch(msg) {
    if (this.closed || !msg || typeof msg.t !== "string") return;
    if (msg.to !== void 0 && msg.to !== this.tabId) return;
    for (const l of [...this.listeners]) l(msg);
  }
};

// src/election.ts
var HEARTBEAT_MS = 150;
var LEADER_TIMEOUT_MS = 500;
var CLAIM_WINDOW_MS = 120;
var BaseElection = class {
  constructor(bus) {
    this.bus = bus;
  }
  bus;
  leader;
  callbacks = /* @__PURE__ */ new Set();
  get isLeader() {
    return this.leader === this.bus.tabId;
  }
  get leaderId() {
    return this.leader;
  }
  onChange(cb) {
    this.callbacks.add(cb);
    return () => this.callbacks.delete(cb);
  }
  setLeader(id) {
    if (this.leader === id) return;
    this.leader = id;
    for (const cb of [...this.callbacks]) cb();
  }
};
var LockElection = class extends BaseElection {
  constructor(bus, lockName, locks) {
    super(bus);
    this.lockName = lockName;
    this.locks = locks;
  }
  lockName;
  locks;
  release;
  abort = new AbortController();
  off;
  start() {
    this.off = this.bus.on((m) => this.onMessage(m));
    this.bus.post({ t: "who" });
    this.locks.request(this.lockName, { signal: this.abort.signal }, () => new Promise((resolve) => {
      this.release = resolve;
      this.setLeader(this.bus.tabId);
      this.bus.post({ t: "leader", id: this.bus.tabId });
    })).catch(() => void 0);
  }
  stop() {
    this.abort.abort();
    this.release?.();
    this.off?.();
  }
  onMessage(m) {
    if (m.t === "leader" && typeof m.id === "string") this.setLeader(m.id);
    else if (m.t === "who" && this.isLeader) this.bus.post({ t: "leader", id: this.bus.tabId });
    else if (m.t === "resign" && m.from === this.leader && !this.isLeader) this.setLeader(void 0);
  }
};
var BroadcastElection = class extends BaseElection {
  lastHeard = 0;
  heartbeat;
  watchdog;
  claimTimer;
  claims = /* @__PURE__ */ new Set();
  off;
  start() {
    this.off = this.bus.on((m) => this.onMessage(m));
    this.lastHeard = Date.now();
    this.bus.post({ t: "who" });
    this.watchdog = setInterval(() => this.check(), HEARTBEAT_MS / 2);
    this.heartbeat = setInterval(() => {
      if (this.isLeader) this.bus.post({ t: "leader", id: this.bus.tabId });
    }, HEARTBEAT_MS);
    this.claimTimer = setTimeout(() => this.check(true), HEARTBEAT_MS * 2);
  }
  stop() {
    clearInterval(this.heartbeat);
    clearInterval(this.watchdog);
    clearTimeout(this.claimTimer);
    if (this.isLeader) this.bus.post({ t: "resign" });
    this.off?.();
  }
  check(initial = false) {
    if (this.isLeader || this.claiming) return;
    const silent = Date.now() - this.lastHeard > LEADER_TIMEOUT_MS;
    if (this.leader === void 0 ? initial || silent : silent) this.claim();
  }
  claiming = false;
  claim() {
    this.claiming = true;
    this.claims = /* @__PURE__ */ new Set([this.bus.tabId]);
    this.bus.post({ t: "claim" });
    this.claimTimer = setTimeout(() => {
      this.claiming = false;
      const winner = [...this.claims].sort()[0];
      if (winner === this.bus.tabId && Date.now() - this.lastHeard > HEARTBEAT_MS * 2) {
        this.setLeader(this.bus.tabId);
        this.bus.post({ t: "leader", id: this.bus.tabId });
      }
      this.lastHeard = Date.now();
    }, CLAIM_WINDOW_MS);
  }
  onMessage(m) {
    if (m.from === this.bus.tabId) return;
    switch (m.t) {
      case "leader":
        if (this.isLeader && m.from > this.bus.tabId) {
          this.bus.post({ t: "leader", id: this.bus.tabId });
          return;
        }
        this.lastHeard = Date.now();
        this.setLeader(m.from);
        break;
      case "claim":
        if (this.isLeader) this.bus.post({ t: "leader", id: this.bus.tabId });
        else if (this.claiming) this.claims.add(m.from);
        break;
      case "who":
        if (this.isLeader) this.bus.post({ t: "leader", id: this.bus.tabId });
        break;
      case "resign":
        if (m.from === this.leader) {
          this.setLeader(void 0);
          this.lastHeard = 0;
          this.claim();
        }
        break;
      default:
        break;
    }
  }
};

// src/protocol.ts
function sequenceOf(result) {
  const data = result?.data;
  if (!data || typeof data !== "object") return void 0;
  for (const v of Object.values(data)) {
    const seq = v?.sequence;
    if (typeof seq === "number") return seq;
    if (typeof seq === "string" && seq !== "" && !Number.isNaN(Number(seq))) return Number(seq);
  }
  return void 0;
}
function usesSince(document) {
  return /\$since\b/.test(document);
}
var TAB_HEARTBEAT_MS = 1e3;
var TAB_TIMEOUT_MS = 3500;

// src/hub.ts
var LeaderHub = class {
  constructor(bus, transport) {
    this.bus = bus;
    this.transport = transport;
    this.offBus = bus.on((m) => this.onMessage(m));
    this.offConn = transport.onConnectionChange?.((connected) => bus.post({ t: "conn", connected }));
    this.pruner = setInterval(() => this.prune(), TAB_TIMEOUT_MS / 2);
  }
  bus;
  transport;
  subs = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Set();
  seen = /* @__PURE__ */ new Map();
  offBus;
  offConn;
  pruner;
  closed = false;
  get subscriptionCount() {
    return this.subs.size;
  }
  async close() {
    this.closed = true;
    this.offBus();
    this.offConn?.();
    clearInterval(this.pruner);
    for (const s of this.subs.values()) s.dispose();
    this.subs.clear();
    await this.transport.close();
  }
  onMessage(m) {
    if (this.closed) return;
    this.seen.set(m.from, Date.now());
    if (m.to !== this.bus.tabId && m.t !== "bye") return;
    switch (m.t) {
      case "q":
        void this.execute(m);
        break;
      case "s+":
        this.addSubscriber(m);
        break;
      case "s-":
        this.removeSubscriber(m.key, m.from);
        break;
      case "bye":
        this.dropTab(m.from);
        break;
      default:
        break;
    }
  }
  async execute(m) {
    const opId = m.opId;
    if (this.inflight.has(opId)) return;
    this.inflight.add(opId);
    try {
      const result = await this.transport.execute(m.document, m.variables);
      this.bus.post({ t: "qr", to: m.from, opId, result });
    } catch (e) {
      this.bus.post({ t: "qr", to: m.from, opId, failure: e instanceof Error ? e.message : String(e) });
    } finally {
      this.inflight.delete(opId);
    }
  }
  addSubscriber(m) {
    const key = m.key;
    const since = typeof m.since === "number" ? m.since : null;
    const existing = this.subs.get(key);
    if (existing) {
      existing.tabs.add(m.from);
      if (m.feed) existing.feed = m.feed;
      const covered = existing.startSince ?? (existing.firstSeq !== void 0 ? existing.firstSeq - 1 : void 0);
      if (existing.withSince && since !== null && (covered === void 0 || since < covered)) {
        existing.dispose();
        this.start(existing, since);
      }
      return;
    }
    const variables = { ...m.variables ?? {} };
    const sub = {
      key,
      document: m.document,
      variables,
      withSince: Boolean(m.withSince),
      tabs: /* @__PURE__ */ new Set([m.from]),
      feed: m.feed,
      startSince: since,
      dispose: () => void 0
    };
    this.subs.set(key, sub);
    this.start(sub, since);
  }
  start(sub, since) {
    sub.startSince = since;
    sub.firstSeq = void 0;
    const variables = sub.withSince ? { ...sub.variables, since } : { ...sub.variables };
    sub.variables = variables;
    let active = true;
    const dispose = this.transport.subscribe(sub.document, variables, {
      next: (result) => {
        if (!active) return;
        const seq = sequenceOf(result);
        if (seq !== void 0) {
          sub.firstSeq ??= seq;
          sub.lastSeq = seq;
          if (sub.withSince) variables.since = seq;
        }
        this.bus.post({ t: "se", key: sub.key, seq, result, feed: sub.feed });
      },
      error: (error) => {
        if (!active) return;
        active = false;
        this.subs.delete(sub.key);
        this.bus.post({ t: "sx", key: sub.key, error: serializable(error) });
      },
      complete: () => {
        if (!active) return;
        active = false;
        this.subs.delete(sub.key);
        this.bus.post({ t: "sc", key: sub.key });
      }
    });
    sub.dispose = () => {
      active = false;
      dispose();
    };
  }
  removeSubscriber(key, tab) {
    const sub = this.subs.get(key);
    if (!sub) return;
    sub.tabs.delete(tab);
    if (sub.tabs.size === 0) {
      sub.dispose();
      this.subs.delete(key);
    }
  }
  dropTab(tab) {
    this.seen.delete(tab);
    for (const key of [...this.subs.keys()]) this.removeSubscriber(key, tab);
  }
  prune() {
    const now = Date.now();
    for (const [tab, at] of this.seen) {
      if (tab !== this.bus.tabId && now - at > TAB_TIMEOUT_MS) this.dropTab(tab);
    }
  }
};
function serializable(error) {
  if (error instanceof Error) return { message: error.message };
  try {
    return JSON.parse(JSON.stringify(error));
  } catch {
    return { message: String(error) };
  }
}

// src/util.ts
function stableStringify(value) {
  if (value === void 0) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value;
  const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(",")}}`;
}
function randomId() {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
function identityOf(token) {
  if (!token) return "anonymous";
  const part = token.split(".")[1];
  if (!part) return "anonymous";
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeBase64(b64 + "=".repeat((4 - b64.length % 4) % 4));
    const claims = JSON.parse(json);
    return typeof claims.sub === "string" && claims.sub ? claims.sub : "anonymous";
  } catch {
    return "anonymous";
  }
}
function decodeBase64(b64) {
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

// src/router.ts
var Router = class _Router {
  constructor(bus, election) {
    this.bus = bus;
    this.election = election;
    this.offBus = bus.on((m) => this.onMessage(m));
    this.offElection = election.onChange(() => this.onLeader());
    this.heartbeat = setInterval(() => bus.post({ t: "hb" }), TAB_HEARTBEAT_MS);
  }
  bus;
  election;
  ops = /* @__PURE__ */ new Map();
  subs = /* @__PURE__ */ new Map();
  eventListeners = /* @__PURE__ */ new Set();
  offBus;
  offElection;
  heartbeat;
  leader;
  closed = false;
  static keyOf(document, variables) {
    const { since: _ignored, ...rest } = variables ?? {};
    return `${document}\0${stableStringify(rest)}`;
  }
  query(document, variables) {
    if (this.closed) return Promise.reject(new Error("The client is closed."));
    const opId = `${this.bus.tabId}:${randomId()}`;
    return new Promise((resolve, reject) => {
      this.ops.set(opId, { document, variables, resolve, reject });
      this.sendOp(opId);
    });
  }
  subscribe(document, variables, sink, feed) {
    const key = _Router.keyOf(document, variables);
    let sub = this.subs.get(key);
    if (!sub) {
      sub = { document, variables: { ...variables ?? {} }, withSince: usesSince(document), sinks: /* @__PURE__ */ new Set(), feed };
      const since = sub.variables.since;
      if (typeof since === "number") sub.lastSeq = since;
      this.subs.set(key, sub);
      sub.sinks.add(sink);
      this.sendSubscribe(key, sub);
    } else {
      sub.sinks.add(sink);
      if (feed && !sub.feed) sub.feed = feed;
    }
    const owned = sub;
    return () => {
      if (!owned.sinks.delete(sink) || owned.sinks.size > 0) return;
      this.subs.delete(key);
      if (this.leader) this.bus.post({ t: "s-", to: this.leader, key });
    };
  }
  /** Every change event of the group, whichever tab subscribed. */
  onEvent(cb) {
    this.eventListeners.add(cb);
    return () => this.eventListeners.delete(cb);
  }
  lastSequence(document, variables) {
    return this.subs.get(_Router.keyOf(document, variables))?.lastSeq;
  }
  close() {
    this.closed = true;
    this.bus.post({ t: "bye" });
    clearInterval(this.heartbeat);
    this.offBus();
    this.offElection();
    for (const op of this.ops.values()) op.reject(new Error("The client is closed."));
    this.ops.clear();
    this.subs.clear();
  }
  onLeader() {
    const leader = this.election.leaderId;
    if (leader === this.leader) return;
    this.leader = leader;
    if (!leader) return;
    for (const opId of this.ops.keys()) this.sendOp(opId);
    for (const [key, sub] of this.subs) this.sendSubscribe(key, sub);
  }
  sendOp(opId) {
    const op = this.ops.get(opId);
    if (!op || !this.leader) return;
    this.bus.post({ t: "q", to: this.leader, opId, document: op.document, variables: op.variables });
  }
  sendSubscribe(key, sub) {
    if (!this.leader) return;
    this.bus.post({
      t: "s+",
      to: this.leader,
      key,
      document: sub.document,
      variables: sub.variables,
      withSince: sub.withSince,
      since: sub.lastSeq ?? null,
      feed: sub.feed
    });
  }
  onMessage(m) {
    if (this.closed) return;
    switch (m.t) {
      case "qr": {
        const op = this.ops.get(m.opId);
        if (!op) return;
        this.ops.delete(m.opId);
        if (typeof m.failure === "string") op.reject(new Error(m.failure));
        else op.resolve(m.result);
        break;
      }
      case "se":
        this.onSubscriptionEvent(m);
        break;
      case "sx":
      case "sc":
        this.onSubscriptionEnd(m.key, m.t === "sx" ? m.error : void 0, m.t === "sx");
        break;
      default:
        break;
    }
  }
  onSubscriptionEvent(e) {
    for (const l of [...this.eventListeners]) l(e);
    const sub = this.subs.get(e.key);
    if (!sub) return;
    if (e.seq !== void 0) {
      if (sub.lastSeq !== void 0 && e.seq <= sub.lastSeq) return;
      sub.lastSeq = e.seq;
    }
    for (const sink of [...sub.sinks]) sink.next(e.result);
  }
  onSubscriptionEnd(key, error, failed) {
    const sub = this.subs.get(key);
    if (!sub) return;
    this.subs.delete(key);
    for (const sink of [...sub.sinks]) {
      if (failed) sink.error?.(error);
      else sink.complete?.();
    }
  }
};

// src/transport.ts
import { createClient as createWsClient } from "graphql-ws";
function wsUrlOf(url) {
  const base = globalThis.location?.href;
  const u = new URL(url, base);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  return u.toString();
}
function graphqlWsTransport(context, webSocketImpl) {
  const listeners = /* @__PURE__ */ new Set();
  const client = createWsClient({
    url: wsUrlOf(context.url),
    webSocketImpl,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** retries, 3e3))),
    connectionParams: async () => {
      const token = await context.getToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => listeners.forEach((l) => l(true)),
      closed: () => listeners.forEach((l) => l(false))
    }
  });
  return {
    execute(document, variables) {
      return new Promise((resolve, reject) => {
        let result;
        client.subscribe({ query: document, variables: variables ?? {} }, {
          next: (r) => {
            result = r;
          },
          error: (e) => Array.isArray(e) ? resolve({ errors: e }) : reject(toError(e)),
          complete: () => resolve(result ?? {})
        });
      });
    },
    subscribe(document, variables, sink) {
      return client.subscribe({ query: document, variables: variables ?? {} }, {
        next: (r) => sink.next(r),
        error: (e) => sink.error?.(Array.isArray(e) ? { errors: e } : toError(e)),
        complete: () => sink.complete?.()
      });
    },
    onConnectionChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      await client.dispose();
    }
  };
}
function toError(e) {
  if (e instanceof Error) return e;
  const close = e;
  if (close && typeof close.code === "number") return new Error(`Connection closed (${close.code} ${close.reason ?? ""})`);
  return new Error(String(e));
}

// src/group.ts
var TabGroup = class {
  constructor(identity, options, context) {
    this.identity = identity;
    this.options = options;
    this.context = context;
    const namespace = options.namespace ?? "collectionstore";
    const group = `${namespace}:${identity}`;
    this.bus = new Bus(group, this.tabId);
    const locks = globalThis.navigator?.locks;
    this.election = locks && options.leaderElection !== "broadcast" ? new LockElection(this.bus, `${group}:leader`, locks) : new BroadcastElection(this.bus);
    this.router = new Router(this.bus, this.election);
    this.election.onChange(() => this.onElection());
  }
  identity;
  options;
  context;
  tabId = randomId();
  bus;
  election;
  router;
  hub;
  leaderCallbacks = /* @__PURE__ */ new Set();
  wasLeader = false;
  static async identify(options) {
    return identityOf(await options.getToken?.());
  }
  start() {
    this.election.start();
  }
  get isLeader() {
    return this.election.isLeader;
  }
  /** The hub while this tab leads (tests read its subscription count). */
  get leaderHub() {
    return this.hub;
  }
  onLeaderChange(cb) {
    this.leaderCallbacks.add(cb);
    return () => this.leaderCallbacks.delete(cb);
  }
  async close() {
    this.router.close();
    this.election.stop();
    const hub = this.hub;
    this.hub = void 0;
    await hub?.close();
    this.bus.close();
  }
  onElection() {
    const leading = this.election.isLeader;
    if (leading && !this.hub) this.hub = new LeaderHub(this.bus, this.createTransport());
    if (!leading && this.hub) {
      void this.hub.close();
      this.hub = void 0;
    }
    if (leading !== this.wasLeader) {
      this.wasLeader = leading;
      for (const cb of [...this.leaderCallbacks]) cb(leading);
    }
  }
  createTransport() {
    if (this.options.transportFactory) return this.options.transportFactory(this.context);
    if (this.options.transport === "sse") throw new Error("transport 'sse' is not available in this version; use 'graphql-ws'.");
    return graphqlWsTransport(this.context, this.options.webSocketImpl);
  }
};

// src/client.ts
function createClient(options) {
  return new Client(options);
}
var Client = class {
  constructor(options) {
    this.options = options;
    this.ready = this.init();
  }
  options;
  ready;
  group;
  leaderCallbacks = /* @__PURE__ */ new Set();
  closed = false;
  onlineFlag = true;
  async init() {
    const identity = await TabGroup.identify(this.options);
    const getToken = async () => await this.options.getToken?.() ?? null;
    const group = new TabGroup(identity, this.options, { url: this.options.url, getToken });
    this.group = group;
    group.onLeaderChange((leading) => this.leaderCallbacks.forEach((cb) => cb(leading)));
    group.start();
  }
  get isLeader() {
    return this.group?.isLeader ?? false;
  }
  onLeaderChange(cb) {
    this.leaderCallbacks.add(cb);
    return () => this.leaderCallbacks.delete(cb);
  }
  async query(document, variables) {
    await this.ready;
    return await this.group.router.query(document, variables);
  }
  subscribe(document, variables, sink) {
    let dispose;
    let cancelled = false;
    void this.ready.then(() => {
      if (!cancelled && !this.closed) dispose = this.group.router.subscribe(document, variables, sink);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }
  watch(_collection, _opts) {
    throw new Error("not yet");
  }
  create(_collection, _input) {
    throw new Error("not yet");
  }
  update(_collection, _id, _changes) {
    throw new Error("not yet");
  }
  remove(_collection, _id) {
    throw new Error("not yet");
  }
  pending = {
    list: () => [],
    subscribe: (_cb) => () => void 0
  };
  cache(_collection) {
    return { get: () => void 0, all: () => [] };
  }
  get online() {
    return this.onlineFlag;
  }
  set online(value) {
    this.onlineFlag = value;
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.ready;
    await this.group?.close();
  }
};

// src/filter.ts
var NEGATED = {
  neq: "eq",
  nin: "in",
  ngt: "gt",
  ngte: "gte",
  nlt: "lt",
  nlte: "lte",
  ncontains: "contains",
  nstartsWith: "startsWith",
  nendsWith: "endsWith"
};
var POSITIVE = /* @__PURE__ */ new Set(["eq", "in", "gt", "gte", "lt", "lte", "contains", "startsWith", "endsWith"]);
var LIST_OPS = /* @__PURE__ */ new Set(["some", "all", "none", "any"]);
function matches(where, doc) {
  return matchObject(where ?? {}, doc ?? {});
}
function matchObject(where, value) {
  for (const [key, cond] of Object.entries(where)) {
    if (cond === void 0) continue;
    if (key === "and") {
      if (!cond.every((f) => matchObject(f, value))) return false;
    } else if (key === "or") {
      if (!cond.some((f) => matchObject(f, value))) return false;
    } else if (!matchField(cond, value?.[key])) {
      return false;
    }
  }
  return true;
}
function matchField(cond, fieldValue) {
  if (cond === null || typeof cond !== "object") return false;
  const keys = Object.keys(cond).filter((k) => cond[k] !== void 0);
  if (keys.length === 0) return true;
  if (keys.every((k) => LIST_OPS.has(k))) return matchList(cond, fieldValue);
  if (keys.every((k) => POSITIVE.has(k) || k in NEGATED)) return keys.every((k) => matchOperator(k, cond[k], fieldValue));
  const nested = fieldValue !== null && typeof fieldValue === "object" && !Array.isArray(fieldValue) ? fieldValue : {};
  return matchObject(cond, nested);
}
function matchList(cond, fieldValue) {
  const list = Array.isArray(fieldValue) ? fieldValue : [];
  const element = (el, f) => matchElement(f, el);
  for (const [op, f] of Object.entries(cond)) {
    if (f === void 0) continue;
    if (op === "some" && !list.some((el) => element(el, f))) return false;
    if (op === "all" && !list.every((el) => element(el, f))) return false;
    if (op === "none" && list.some((el) => element(el, f))) return false;
    if (op === "any" && list.length > 0 !== Boolean(f)) return false;
  }
  return true;
}
function matchElement(f, el) {
  if (el !== null && typeof el === "object" && !Array.isArray(el)) return matchObject(f, el);
  return Object.entries(f).every(([op, v]) => v === void 0 || matchOperator(op, v, el));
}
function matchOperator(op, operand, value) {
  const positive = NEGATED[op];
  if (positive) return !matchOperator(positive, operand, value);
  const v = value === void 0 ? null : value;
  switch (op) {
    case "eq":
      return equal(v, operand ?? null);
    case "in":
      return Array.isArray(operand) && operand.some((o) => equal(v, o ?? null));
    default:
      break;
  }
  if (v === null || operand === null || operand === void 0) return false;
  switch (op) {
    case "gt":
      return comparable(v, operand) && compareValues(v, operand) > 0;
    case "gte":
      return comparable(v, operand) && compareValues(v, operand) >= 0;
    case "lt":
      return comparable(v, operand) && compareValues(v, operand) < 0;
    case "lte":
      return comparable(v, operand) && compareValues(v, operand) <= 0;
    case "contains":
      return typeof v === "string" && typeof operand === "string" && v.includes(operand);
    case "startsWith":
      return typeof v === "string" && typeof operand === "string" && v.startsWith(operand);
    case "endsWith":
      return typeof v === "string" && typeof operand === "string" && v.endsWith(operand);
    default:
      throw new Error(`Unknown filter operator '${op}'.`);
  }
}
function comparable(a, b) {
  return rank(a) === rank(b);
}
function equal(a, b) {
  if (a === null || b === null) return a === b;
  if (rank(a) !== rank(b)) return false;
  return compareValues(a, b) === 0;
}
var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
function rank(v) {
  if (v === null || v === void 0) return 0;
  if (typeof v === "number" || typeof v === "boolean") return 1;
  if (typeof v === "string") return 2;
  return 3;
}
function compareValues(a, b) {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) return Number(a) - Number(b);
  if (ra === 2) return compareStrings(a, b);
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}
function compareStrings(a, b) {
  if (ISO.test(a) && ISO.test(b)) {
    const d = dateKey(a).localeCompare(dateKey(b));
    if (d !== 0 || dateKey(a) !== "") return d;
  }
  return codePointCompare(a, b);
}
function dateKey(s) {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return "";
  const frac = (/\.(\d+)/.exec(s)?.[1] ?? "").padEnd(7, "0").slice(3, 7);
  return `${new Date(ms).toISOString().slice(0, -1)}${frac}Z`;
}
function codePointCompare(a, b) {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (; ; ) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? y.done ? 0 : -1 : 1;
    const d = x.value.codePointAt(0) - y.value.codePointAt(0);
    if (d !== 0) return d;
  }
}
function sortKeys(order) {
  const keys = [];
  const walk = (o, path) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === "ASC" || v === "DESC") keys.push({ path: [...path, k], desc: v === "DESC" });
      else if (v && typeof v === "object") walk(v, [...path, k]);
    }
  };
  for (const o of order ?? []) walk(o, []);
  return keys;
}
function valueAt(doc, path) {
  let v = doc;
  for (const p of path) v = v !== null && typeof v === "object" ? v[p] : void 0;
  return v === void 0 ? null : v;
}
function compare(order) {
  const keys = sortKeys(order);
  return (a, b) => {
    for (const k of keys) {
      const d = compareValues(valueAt(a, k.path), valueAt(b, k.path));
      if (d !== 0) return k.desc ? -d : d;
    }
    return codePointCompare(String(a.id), String(b.id));
  };
}
export {
  compare,
  createClient,
  matches
};
//# sourceMappingURL=index.js.map
