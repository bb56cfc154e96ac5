// src/cache.ts
var Cache = class {
  collections = /* @__PURE__ */ new Map();
  listeners = /* @__PURE__ */ new Set();
  dirty = /* @__PURE__ */ new Map();
  scheduled = false;
  confirmedListeners = /* @__PURE__ */ new Set();
  /** Hears every accepted confirmed change at once (persistence, sharing with other tabs, live lists). */
  onConfirmed(cb) {
    this.confirmedListeners.add(cb);
    return () => this.confirmedListeners.delete(cb);
  }
  state(collection) {
    let s = this.collections.get(collection);
    if (!s) this.collections.set(collection, s = { base: /* @__PURE__ */ new Map(), deleted: /* @__PURE__ */ new Map(), overlays: /* @__PURE__ */ new Map() });
    return s;
  }
  /** Listeners hear about changed ids once per microtask, so a burst of events renders once. */
  onChange(cb) {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  /** Confirmed server state; ignored when not newer than what the cache holds. */
  put(collection, doc, origin = "local") {
    if (!doc || typeof doc.id !== "string") return false;
    const s = this.state(collection);
    const current = s.base.get(doc.id);
    const deletedAt = s.deleted.get(doc.id);
    if (deletedAt !== void 0 && doc.version <= deletedAt) return false;
    if (current && current.version > doc.version) return false;
    if (current && current.version === doc.version && sameFields(current, doc)) return false;
    s.base.set(doc.id, current && current.version === doc.version ? { ...current, ...doc } : doc);
    s.deleted.delete(doc.id);
    this.touch(collection, doc.id);
    for (const l of [...this.confirmedListeners]) l(collection, doc.id, s.base.get(doc.id), origin);
    return true;
  }
  /** The document was deleted at `version` (its last state). */
  delete(collection, id, version, origin = "local") {
    const s = this.state(collection);
    const current = s.base.get(id);
    if (current && current.version > version) return false;
    s.deleted.set(id, Math.max(version, s.deleted.get(id) ?? 0));
    if (!current) return false;
    s.base.delete(id);
    this.touch(collection, id);
    for (const l of [...this.confirmedListeners]) l(collection, id, void 0, origin);
    return true;
  }
  /** The last confirmed state, without optimistic writes. */
  confirmed(collection, id) {
    return this.collections.get(collection)?.base.get(id);
  }
  get(collection, id) {
    const s = this.collections.get(collection);
    if (!s) return void 0;
    let doc = s.base.get(id);
    for (const o of s.overlays.get(id) ?? []) doc = o.apply(doc);
    return doc;
  }
  all(collection) {
    const s = this.collections.get(collection);
    if (!s) return [];
    const ids = /* @__PURE__ */ new Set([...s.base.keys(), ...s.overlays.keys()]);
    return [...ids].map((id) => this.get(collection, id)).filter((d) => d !== void 0);
  }
  /** Ids with optimistic writes (live lists show optimistic creates before the server has them). */
  optimisticIds(collection) {
    return [...this.collections.get(collection)?.overlays.keys() ?? []];
  }
  addOverlay(collection, id, writeId, apply) {
    const s = this.state(collection);
    const list = s.overlays.get(id) ?? [];
    list.push({ writeId, apply });
    s.overlays.set(id, list);
    this.touch(collection, id);
  }
  removeOverlay(collection, id, writeId) {
    const s = this.state(collection);
    const list = (s.overlays.get(id) ?? []).filter((o) => o.writeId !== writeId);
    if (list.length) s.overlays.set(id, list);
    else s.overlays.delete(id);
    this.touch(collection, id);
  }
  touch(collection, id) {
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, ids = /* @__PURE__ */ new Set());
    ids.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const batch = [...this.dirty];
      this.dirty.clear();
      for (const [c, set] of batch) for (const l of [...this.listeners]) l(c, [...set]);
    });
  }
};
function sameFields(a, b) {
  return Object.keys(b).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

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
    if (this.isLeader) this.bus.post({ t: "resign" });
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
  constructor(bus, transport, liveness) {
    this.bus = bus;
    this.transport = transport;
    this.liveness = liveness;
    this.offBus = bus.on((m) => this.onMessage(m));
    this.offConn = transport.onConnectionChange?.((connected) => bus.post({ t: "conn", connected }));
    this.pruner = setInterval(() => this.prune(), TAB_TIMEOUT_MS / 2);
  }
  bus;
  transport;
  liveness;
  subs = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Set();
  seen = /* @__PURE__ */ new Map();
  watched = /* @__PURE__ */ new Map();
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
    for (const cancel of this.watched.values()) cancel();
    this.watched.clear();
    for (const s of this.subs.values()) s.dispose();
    this.subs.clear();
    await this.transport.close();
  }
  onMessage(m) {
    if (this.closed) return;
    this.noteTab(m.from);
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
      const behind = existing.lastSeq !== void 0 ? since !== null && since < existing.lastSeq : since !== null && (existing.startSince === null || since < existing.startSince);
      if (existing.withSince && behind) {
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
    sub.lastSeq = void 0;
    const variables = sub.withSince ? { ...sub.variables, since } : { ...sub.variables };
    sub.variables = variables;
    let active = true;
    const dispose = this.transport.subscribe(sub.document, variables, {
      next: (result) => {
        if (!active) return;
        const seq = sequenceOf(result);
        if (seq !== void 0) {
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
  noteTab(tab) {
    if (!this.seen.has(tab) && tab !== this.bus.tabId && this.liveness?.watch) {
      this.watched.set(tab, this.liveness.watch(tab, () => this.dropTab(tab)));
    }
    this.seen.set(tab, Date.now());
  }
  dropTab(tab) {
    this.seen.delete(tab);
    this.watched.get(tab)?.();
    this.watched.delete(tab);
    for (const key of [...this.subs.keys()]) this.removeSubscriber(key, tab);
  }
  prune() {
    if (this.liveness?.watch) return;
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

// src/liveness.ts
function createLiveness(group, locks) {
  if (!locks) return { hold: () => void 0, close: () => void 0 };
  const prefix = `${group}:tab:`;
  const abort = new AbortController();
  let release;
  return {
    hold(tabId) {
      locks.request(prefix + tabId, { signal: abort.signal }, () => new Promise((r) => {
        release = r;
      })).catch(() => void 0);
    },
    watch(tabId, onGone) {
      const stop = new AbortController();
      locks.request(prefix + tabId, { signal: stop.signal }, () => {
        onGone();
      }).catch(() => void 0);
      return () => stop.abort();
    },
    async alive() {
      const state = await locks.query();
      const ids = /* @__PURE__ */ new Set();
      for (const l of state.held ?? []) if (l.name?.startsWith(prefix)) ids.add(l.name.slice(prefix.length));
      return ids;
    },
    close() {
      abort.abort();
      release?.();
    }
  };
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
function pluralize(word) {
  if (word.length > 1 && word.endsWith("y") && !"aeiou".includes(word[word.length - 2])) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
function singular(typeName) {
  return typeName.charAt(0).toLowerCase() + typeName.slice(1);
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
function errorCode(errors) {
  return errors?.find((e) => e?.extensions?.code)?.extensions?.code;
}
function clone(value) {
  return value === void 0 ? value : JSON.parse(JSON.stringify(value));
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

// src/sse-transport.ts
var TOKEN_HEADER = "X-GraphQL-Event-Stream-Token";
function sseTransport(context) {
  const ops = /* @__PURE__ */ new Map();
  const listeners = /* @__PURE__ */ new Set();
  let reservation;
  let auth = null;
  let closed = false;
  let ready;
  let connected = false;
  const abort = new AbortController();
  const headers = (extra = {}) => ({
    ...auth ? { authorization: `Bearer ${auth}` } : {},
    ...reservation ? { [TOKEN_HEADER]: reservation } : {},
    ...extra
  });
  async function open() {
    for (let attempt = 0; !closed; attempt++) {
      try {
        auth = await context.getToken();
        reservation = void 0;
        const put = await fetch(context.url, { method: "PUT", headers: headers({ accept: "text/plain" }), signal: abort.signal });
        if (put.status !== 201) throw new Error(`reservation refused (${put.status})`);
        reservation = await put.text();
        const stream = await fetch(context.url, { headers: headers({ accept: "text/event-stream" }), signal: abort.signal });
        if (!stream.ok || !stream.body) throw new Error(`stream refused (${stream.status})`);
        connected = true;
        listeners.forEach((l) => l(true));
        for (const id of ops.keys()) void post(id);
        void read(stream.body);
        return;
      } catch {
        if (closed) return;
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 3e3)));
      }
    }
  }
  function connect() {
    ready ??= open();
    return ready;
  }
  async function read(body) {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let buffer = "";
    let expired = false;
    try {
      for (; ; ) {
        const { value, done: done2 } = await reader.read();
        if (done2) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          expired = dispatch(frame, expired);
        }
      }
    } catch {
    }
    if (closed) return;
    connected = false;
    listeners.forEach((l) => l(false));
    ready = void 0;
    void connect();
  }
  function dispatch(frame, expired) {
    let event = "message";
    const data = [];
    for (const line of frame.split("\n")) {
      if (line.startsWith(":")) continue;
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (!data.length || !data.join("")) return expired;
    const message = JSON.parse(data.join("\n"));
    const op = message.id ? ops.get(message.id) : void 0;
    if (event === "next" && op && message.payload) {
      if (!message.payload.data && errorCode(message.payload.errors) === "UNAUTHENTICATED") return true;
      op.sink.next(message.payload);
    } else if (event === "complete" && op && !expired) {
      ops.delete(message.id);
      op.sink.complete?.();
    }
    return expired;
  }
  async function post(id) {
    const op = ops.get(id);
    if (!op || !reservation) return;
    try {
      const res = await fetch(context.url, {
        method: "POST",
        headers: headers({ "content-type": "application/json", accept: "application/json" }),
        body: JSON.stringify({ query: op.document, variables: op.variables, extensions: { operationId: id } }),
        signal: abort.signal
      });
      if (res.status === 202 || res.status === 409) return;
      const body = await res.json().catch(() => ({}));
      if (ops.delete(id)) op.sink.error?.({ errors: body.errors ?? [{ message: `HTTP ${res.status}` }] });
    } catch {
    }
  }
  function start(document, variables, sink) {
    const id = randomId();
    ops.set(id, { document, variables: variables ?? {}, sink });
    if (connected) void post(id);
    else void connect();
    return () => {
      if (!ops.delete(id) || !reservation || closed) return;
      void fetch(`${context.url}${context.url.includes("?") ? "&" : "?"}operationId=${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers: headers(),
        signal: abort.signal
      }).catch(() => void 0);
    };
  }
  return {
    execute(document, variables) {
      return new Promise((resolve) => {
        let result = {};
        start(document, variables, {
          next: (r) => {
            result = r;
          },
          error: (e) => resolve(e),
          complete: () => resolve(result)
        });
      });
    },
    subscribe: start,
    onConnectionChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      closed = true;
      abort.abort();
    }
  };
}

// node_modules/graphql-ws/dist/common-CGW11Fyb.js
function extendedTypeof(val) {
  if (val === null) {
    return "null";
  }
  if (Array.isArray(val)) {
    return "array";
  }
  return typeof val;
}
function isObject(val) {
  return extendedTypeof(val) === "object";
}
function areGraphQLFormattedErrors(obj) {
  return Array.isArray(obj) && // must be at least one error
  obj.length > 0 && // error has at least a message
  obj.every((ob) => "message" in ob);
}
function limitCloseReason(reason, whenTooLong) {
  return reason.length < 124 ? reason : whenTooLong;
}
var GRAPHQL_TRANSPORT_WS_PROTOCOL = "graphql-transport-ws";
var CloseCode = /* @__PURE__ */ ((CloseCode2) => {
  CloseCode2[CloseCode2["InternalServerError"] = 4500] = "InternalServerError";
  CloseCode2[CloseCode2["InternalClientError"] = 4005] = "InternalClientError";
  CloseCode2[CloseCode2["BadRequest"] = 4400] = "BadRequest";
  CloseCode2[CloseCode2["BadResponse"] = 4004] = "BadResponse";
  CloseCode2[CloseCode2["Unauthorized"] = 4401] = "Unauthorized";
  CloseCode2[CloseCode2["Forbidden"] = 4403] = "Forbidden";
  CloseCode2[CloseCode2["SubprotocolNotAcceptable"] = 4406] = "SubprotocolNotAcceptable";
  CloseCode2[CloseCode2["ConnectionInitialisationTimeout"] = 4408] = "ConnectionInitialisationTimeout";
  CloseCode2[CloseCode2["ConnectionAcknowledgementTimeout"] = 4504] = "ConnectionAcknowledgementTimeout";
  CloseCode2[CloseCode2["SubscriberAlreadyExists"] = 4409] = "SubscriberAlreadyExists";
  CloseCode2[CloseCode2["TooManyInitialisationRequests"] = 4429] = "TooManyInitialisationRequests";
  return CloseCode2;
})(CloseCode || {});
var MessageType = /* @__PURE__ */ ((MessageType2) => {
  MessageType2["ConnectionInit"] = "connection_init";
  MessageType2["ConnectionAck"] = "connection_ack";
  MessageType2["Ping"] = "ping";
  MessageType2["Pong"] = "pong";
  MessageType2["Subscribe"] = "subscribe";
  MessageType2["Next"] = "next";
  MessageType2["Error"] = "error";
  MessageType2["Complete"] = "complete";
  return MessageType2;
})(MessageType || {});
function validateMessage(val) {
  if (!isObject(val)) {
    throw new Error(
      `Message is expected to be an object, but got ${extendedTypeof(val)}`
    );
  }
  if (!val.type) {
    throw new Error(`Message is missing the 'type' property`);
  }
  if (typeof val.type !== "string") {
    throw new Error(
      `Message is expects the 'type' property to be a string, but got ${extendedTypeof(
        val.type
      )}`
    );
  }
  switch (val.type) {
    case "connection_init":
    case "connection_ack":
    case "ping":
    case "pong": {
      if (val.payload != null && !isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${val.payload}"`
        );
      }
      break;
    }
    case "subscribe": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object, but got ${extendedTypeof(
            val.payload
          )}`
        );
      }
      if (typeof val.payload.query !== "string") {
        throw new Error(
          `"${val.type}" message payload expects the 'query' property to be a string, but got ${extendedTypeof(
            val.payload.query
          )}`
        );
      }
      if (val.payload.variables != null && !isObject(val.payload.variables)) {
        throw new Error(
          `"${val.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${extendedTypeof(
            val.payload.variables
          )}`
        );
      }
      if (val.payload.operationName != null && extendedTypeof(val.payload.operationName) !== "string") {
        throw new Error(
          `"${val.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${extendedTypeof(
            val.payload.operationName
          )}`
        );
      }
      if (val.payload.extensions != null && !isObject(val.payload.extensions)) {
        throw new Error(
          `"${val.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${extendedTypeof(
            val.payload.extensions
          )}`
        );
      }
      break;
    }
    case "next": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object, but got ${extendedTypeof(
            val.payload
          )}`
        );
      }
      break;
    }
    case "error": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!areGraphQLFormattedErrors(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(
            val.payload
          )}`
        );
      }
      break;
    }
    case "complete": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      break;
    }
    default:
      throw new Error(`Invalid message 'type' property "${val.type}"`);
  }
  return val;
}
function parseMessage(data, reviver) {
  return validateMessage(
    typeof data === "string" ? JSON.parse(data, reviver) : data
  );
}
function stringifyMessage(msg, replacer) {
  validateMessage(msg);
  return JSON.stringify(msg, replacer);
}

// node_modules/graphql-ws/dist/client.js
function createClient(options) {
  const {
    url,
    connectionParams,
    lazy = true,
    onNonLazyError = console.error,
    lazyCloseTimeout: lazyCloseTimeoutMs = 0,
    keepAlive = 0,
    disablePong,
    connectionAckWaitTimeout = 0,
    retryAttempts = 5,
    retryWait = async function randomisedExponentialBackoff(retries2) {
      const retryDelaySeconds = Math.pow(2, retries2);
      await new Promise(
        (resolve) => setTimeout(
          resolve,
          retryDelaySeconds * 1e3 + // add random timeout from 300ms to 3s
          Math.floor(Math.random() * (3e3 - 300) + 300)
        )
      );
    },
    shouldRetry = isLikeCloseEvent,
    on,
    webSocketImpl,
    /**
     * Generates a v4 UUID to be used as the ID using `Math`
     * as the random number generator. Supply your own generator
     * in case you need more uniqueness.
     *
     * Reference: https://gist.github.com/jed/982883
     */
    generateID = function generateUUID() {
      return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
        const r = Math.random() * 16 | 0, v = c == "x" ? r : r & 3 | 8;
        return v.toString(16);
      });
    },
    jsonMessageReplacer: replacer,
    jsonMessageReviver: reviver
  } = options;
  let ws;
  if (webSocketImpl) {
    if (!isWebSocket(webSocketImpl)) {
      throw new Error("Invalid WebSocket implementation provided");
    }
    ws = webSocketImpl;
  } else if (typeof WebSocket !== "undefined") {
    ws = WebSocket;
  } else if (typeof global !== "undefined") {
    ws = global.WebSocket || // @ts-expect-error: Support more browsers
    global.MozWebSocket;
  } else if (typeof window !== "undefined") {
    ws = window.WebSocket || // @ts-expect-error: Support more browsers
    window.MozWebSocket;
  }
  if (!ws)
    throw new Error(
      "WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`"
    );
  const WebSocketImpl = ws;
  const emitter = (() => {
    const message = /* @__PURE__ */ (() => {
      const listeners2 = {};
      return {
        on(id, listener) {
          listeners2[id] = listener;
          return () => {
            delete listeners2[id];
          };
        },
        emit(message2) {
          if ("id" in message2) listeners2[message2.id]?.(message2);
        }
      };
    })();
    const listeners = {
      connecting: on?.connecting ? [on.connecting] : [],
      opened: on?.opened ? [on.opened] : [],
      connected: on?.connected ? [on.connected] : [],
      ping: on?.ping ? [on.ping] : [],
      pong: on?.pong ? [on.pong] : [],
      message: on?.message ? [message.emit, on.message] : [message.emit],
      closed: on?.closed ? [on.closed] : [],
      error: on?.error ? [on.error] : []
    };
    return {
      onMessage: message.on,
      on(event, listener) {
        const l = listeners[event];
        l.push(listener);
        return () => {
          const i = l.indexOf(listener);
          if (i > -1) {
            l.splice(i, 1);
          }
        };
      },
      emit(event, ...args) {
        for (const listener of [...listeners[event]]) {
          listener(...args);
        }
      }
    };
  })();
  function errorOrClosed(cb) {
    const listening = [
      // errors are fatal and more critical than close events, throw them first
      emitter.on("error", (err) => {
        listening.forEach((unlisten) => unlisten());
        cb(err);
      }),
      // closes can be graceful and not fatal, throw them second (if error didnt throw)
      emitter.on("closed", (event) => {
        listening.forEach((unlisten) => unlisten());
        cb(event);
      })
    ];
    return () => listening.forEach((unlisten) => unlisten());
  }
  let connecting, locks = 0, lazyCloseTimeout, retrying = false, retries = 0, disposed = false;
  async function connect() {
    clearTimeout(lazyCloseTimeout);
    const [socket, throwOnClose] = await (connecting ?? (connecting = new Promise(
      (connected, denied) => (async () => {
        if (retrying) {
          await retryWait(retries);
          if (!locks) {
            connecting = void 0;
            return denied({ code: 1e3, reason: "All Subscriptions Gone" });
          }
          retries++;
        }
        emitter.emit("connecting", retrying);
        const socket2 = new WebSocketImpl(
          typeof url === "function" ? await url() : url,
          GRAPHQL_TRANSPORT_WS_PROTOCOL
        );
        let connectionAckTimeout, queuedPing;
        function enqueuePing() {
          if (isFinite(keepAlive) && keepAlive > 0) {
            clearTimeout(queuedPing);
            queuedPing = setTimeout(() => {
              if (socket2.readyState === WebSocketImpl.OPEN) {
                socket2.send(stringifyMessage({ type: MessageType.Ping }));
                emitter.emit("ping", false, void 0);
              }
            }, keepAlive);
          }
        }
        errorOrClosed((errOrEvent) => {
          connecting = void 0;
          clearTimeout(connectionAckTimeout);
          clearTimeout(queuedPing);
          denied(errOrEvent);
          if (errOrEvent instanceof TerminatedCloseEvent) {
            socket2.close(4499, "Terminated");
            socket2.onerror = null;
            socket2.onclose = null;
          }
        });
        socket2.onerror = (err) => emitter.emit("error", err);
        socket2.onclose = (event) => emitter.emit("closed", event);
        socket2.onopen = async () => {
          try {
            emitter.emit("opened", socket2);
            const payload = typeof connectionParams === "function" ? await connectionParams() : connectionParams;
            if (socket2.readyState !== WebSocketImpl.OPEN) return;
            socket2.send(
              stringifyMessage(
                payload ? {
                  type: MessageType.ConnectionInit,
                  payload
                } : {
                  type: MessageType.ConnectionInit
                  // payload is completely absent if not provided
                },
                replacer
              )
            );
            if (isFinite(connectionAckWaitTimeout) && connectionAckWaitTimeout > 0) {
              connectionAckTimeout = setTimeout(() => {
                socket2.close(
                  CloseCode.ConnectionAcknowledgementTimeout,
                  "Connection acknowledgement timeout"
                );
              }, connectionAckWaitTimeout);
            }
            enqueuePing();
          } catch (err) {
            emitter.emit("error", err);
            socket2.close(
              CloseCode.InternalClientError,
              limitCloseReason(
                err instanceof Error ? err.message : String(err),
                "Internal client error"
              )
            );
          }
        };
        let acknowledged = false;
        socket2.onmessage = ({ data }) => {
          try {
            const message = parseMessage(data, reviver);
            emitter.emit("message", message);
            if (message.type === "ping" || message.type === "pong") {
              emitter.emit(message.type, true, message.payload);
              if (message.type === "pong") {
                enqueuePing();
              } else if (!disablePong) {
                socket2.send(
                  stringifyMessage(
                    message.payload ? {
                      type: MessageType.Pong,
                      payload: message.payload
                    } : {
                      type: MessageType.Pong
                      // payload is completely absent if not provided
                    },
                    replacer
                  )
                );
                emitter.emit("pong", false, message.payload);
              }
              return;
            }
            if (acknowledged) return;
            if (message.type !== MessageType.ConnectionAck)
              throw new Error(
                `First message cannot be of type ${message.type}`
              );
            clearTimeout(connectionAckTimeout);
            acknowledged = true;
            emitter.emit("connected", socket2, message.payload, retrying);
            retrying = false;
            retries = 0;
            const throwOnClose2 = new Promise(
              (_, reject) => errorOrClosed(reject)
            );
            throwOnClose2.catch(() => {
            });
            connected([socket2, throwOnClose2]);
          } catch (err) {
            socket2.onmessage = null;
            emitter.emit("error", err);
            socket2.close(
              CloseCode.BadResponse,
              limitCloseReason(
                err instanceof Error ? err.message : String(err),
                "Bad response"
              )
            );
          }
        };
      })()
    )));
    if (socket.readyState === WebSocketImpl.CLOSING) await throwOnClose;
    let release = () => {
    };
    const released = new Promise((resolve) => release = resolve);
    return [
      socket,
      release,
      // resolves on release or rejects on error/close, whichever comes first.
      // not racing with throwOnClose on purpose, it lives as long as the socket
      // and every race would leak memory per operation
      new Promise((resolve, reject) => {
        const unlisten = errorOrClosed(reject);
        if (socket.readyState !== WebSocketImpl.OPEN)
          throwOnClose.catch(reject);
        released.then(() => {
          unlisten();
          if (!locks) {
            const complete = () => socket.close(1e3, "Normal Closure");
            if (isFinite(lazyCloseTimeoutMs) && lazyCloseTimeoutMs > 0) {
              clearTimeout(lazyCloseTimeout);
              lazyCloseTimeout = setTimeout(() => {
                if (!locks && socket.readyState === WebSocketImpl.OPEN)
                  complete();
              }, lazyCloseTimeoutMs);
            } else {
              complete();
            }
          }
          resolve();
        });
      })
    ];
  }
  function shouldRetryConnectOrThrow(errOrCloseEvent) {
    if (isLikeCloseEvent(errOrCloseEvent) && (isFatalInternalCloseCode(errOrCloseEvent.code) || [
      CloseCode.InternalServerError,
      CloseCode.InternalClientError,
      CloseCode.BadRequest,
      CloseCode.BadResponse,
      CloseCode.Unauthorized,
      // CloseCode.Forbidden, might grant access out after retry
      CloseCode.SubprotocolNotAcceptable,
      // CloseCode.ConnectionInitialisationTimeout, might not time out after retry
      // CloseCode.ConnectionAcknowledgementTimeout, might not time out after retry
      CloseCode.SubscriberAlreadyExists,
      CloseCode.TooManyInitialisationRequests
      // 4499, // Terminated, probably because the socket froze, we want to retry
    ].includes(errOrCloseEvent.code)))
      throw errOrCloseEvent;
    if (disposed) return false;
    if (isLikeCloseEvent(errOrCloseEvent) && errOrCloseEvent.code === 1e3)
      return locks > 0;
    if (!retryAttempts || retries >= retryAttempts) throw errOrCloseEvent;
    if (!shouldRetry(errOrCloseEvent)) throw errOrCloseEvent;
    return retrying = true;
  }
  if (!lazy) {
    (async () => {
      locks++;
      for (; ; ) {
        try {
          const [, , throwOnClose] = await connect();
          await throwOnClose;
        } catch (errOrCloseEvent) {
          try {
            if (!shouldRetryConnectOrThrow(errOrCloseEvent)) return;
          } catch (errOrCloseEvent2) {
            return onNonLazyError?.(errOrCloseEvent2);
          }
        }
      }
    })();
  }
  function subscribe(payload, sink) {
    const id = generateID(payload);
    let done2 = false, errored = false, releaser = () => {
      locks--;
      done2 = true;
    };
    (async () => {
      locks++;
      for (; ; ) {
        try {
          const [socket, release, waitForReleaseOrThrowOnClose] = await connect();
          if (done2) {
            waitForReleaseOrThrowOnClose.catch(() => {
            });
            return release();
          }
          const unlisten = emitter.onMessage(id, (message) => {
            switch (message.type) {
              case MessageType.Next: {
                sink.next(message.payload);
                return;
              }
              case MessageType.Error: {
                errored = true, done2 = true;
                sink.error(message.payload);
                releaser();
                return;
              }
              case MessageType.Complete: {
                done2 = true;
                releaser();
                return;
              }
            }
          });
          socket.send(
            stringifyMessage(
              {
                id,
                type: MessageType.Subscribe,
                payload
              },
              replacer
            )
          );
          releaser = () => {
            if (!done2 && socket.readyState === WebSocketImpl.OPEN)
              socket.send(
                stringifyMessage(
                  {
                    id,
                    type: MessageType.Complete
                  },
                  replacer
                )
              );
            locks--;
            done2 = true;
            release();
          };
          await waitForReleaseOrThrowOnClose.finally(unlisten);
          return;
        } catch (errOrCloseEvent) {
          if (!shouldRetryConnectOrThrow(errOrCloseEvent)) return;
        }
      }
    })().then(() => {
      if (!errored) sink.complete();
    }).catch((err) => {
      sink.error(err);
    });
    return () => {
      if (!done2) releaser();
    };
  }
  return {
    on: emitter.on,
    subscribe,
    iterate(request2) {
      const pending = [];
      const deferred = {
        done: false,
        error: null,
        resolve: () => {
        }
      };
      const dispose = subscribe(request2, {
        next(val) {
          pending.push(val);
          deferred.resolve();
        },
        error(err) {
          deferred.done = true;
          deferred.error = err;
          deferred.resolve();
        },
        complete() {
          deferred.done = true;
          deferred.resolve();
        }
      });
      const iterator = (async function* iterator2() {
        for (; ; ) {
          if (!pending.length) {
            await new Promise((resolve) => deferred.resolve = resolve);
          }
          while (pending.length) {
            yield pending.shift();
          }
          if (deferred.error) {
            throw deferred.error;
          }
          if (deferred.done) {
            return;
          }
        }
      })();
      iterator.throw = async (err) => {
        if (!deferred.done) {
          deferred.done = true;
          deferred.error = err;
          deferred.resolve();
        }
        return { done: true, value: void 0 };
      };
      iterator.return = async () => {
        dispose();
        return { done: true, value: void 0 };
      };
      return iterator;
    },
    async dispose() {
      disposed = true;
      if (connecting) {
        const [socket] = await connecting;
        socket.close(1e3, "Normal Closure");
      }
    },
    terminate() {
      if (connecting) {
        emitter.emit("closed", new TerminatedCloseEvent());
      }
    }
  };
}
var TerminatedCloseEvent = class extends Error {
  name = "TerminatedCloseEvent";
  message = "4499: Terminated";
  code = 4499;
  reason = "Terminated";
  wasClean = false;
};
function isLikeCloseEvent(val) {
  return isObject(val) && "code" in val && "reason" in val;
}
function isFatalInternalCloseCode(code) {
  if ([
    1e3,
    // Normal Closure is not an erroneous close code
    1001,
    // Going Away
    1006,
    // Abnormal Closure
    1005,
    // No Status Received
    1012,
    // Service Restart
    1013,
    // Try Again Later
    1014
    // Bad Gateway
  ].includes(code))
    return false;
  return code >= 1e3 && code <= 1999;
}
function isWebSocket(val) {
  return typeof val === "function" && "constructor" in val && "CLOSED" in val && "CLOSING" in val && "CONNECTING" in val && "OPEN" in val;
}

// src/transport.ts
function wsUrlOf(url) {
  const base = globalThis.location?.href;
  const u = new URL(url, base);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  return u.toString();
}
function graphqlWsTransport(context, webSocketImpl) {
  const listeners = /* @__PURE__ */ new Set();
  const client = createClient({
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
    const found = globalThis.navigator?.locks;
    const locks = options.leaderElection === "broadcast" ? void 0 : found;
    this.liveness = createLiveness(group, locks);
    this.election = locks ? new LockElection(this.bus, `${group}:leader`, locks) : new BroadcastElection(this.bus);
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
  liveness;
  hub;
  leaderCallbacks = /* @__PURE__ */ new Set();
  wasLeader = false;
  static async identify(options) {
    return identityOf(await options.getToken?.());
  }
  start() {
    this.liveness.hold(this.tabId);
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
    this.liveness.close();
    this.bus.close();
  }
  onElection() {
    const leading = this.election.isLeader;
    if (leading && !this.hub) this.hub = new LeaderHub(this.bus, this.createTransport(), this.liveness);
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
    if (this.options.transport === "sse") return sseTransport(this.context);
    return graphqlWsTransport(this.context, this.options.webSocketImpl);
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
  if (fieldValue === null || typeof fieldValue !== "object" || Array.isArray(fieldValue)) return false;
  return matchObject(cond, fieldValue);
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

// src/live-list.ts
var LiveQuery = class {
  constructor(deps, opts) {
    this.deps = deps;
    this.opts = opts;
    const type = deps.collection;
    this.field = singular(type);
    this.sort = compare(opts.order);
    this.subDoc = `subscription($where: ${type}FilterInput, $since: Long) { ${this.field}Changed(where: $where, since: $since) { kind operation sequence ${this.field} { ${deps.fields} } } }`;
    this.queryDoc = `query($where: ${type}FilterInput, $order: [${type}SortInput!], $first: Int) { ${pluralize(this.field)}(where: $where, order: $order, first: $first) { nodes { ${deps.fields} } pageInfo { hasNextPage } } }`;
    this.key = stableStringify({ c: type, w: opts.where ?? null, o: opts.order ?? null, f: opts.first ?? null });
    const offChange = deps.cache.onChange((c) => {
      if (c === type) this.render();
    });
    const offConfirmed = deps.cache.onConfirmed((c, id, doc, origin) => {
      if (c === type && origin === "write") this.onOwnWrite(id, doc);
    });
    this.offCache = () => {
      offChange();
      offConfirmed();
    };
    void this.start();
  }
  deps;
  opts;
  members = /* @__PURE__ */ new Set();
  sort;
  field;
  subDoc;
  queryDoc;
  key;
  listeners = /* @__PURE__ */ new Set();
  offCache;
  current = [];
  signature = "";
  unsubscribe;
  lastSeq;
  loading;
  hasMore = false;
  closed = false;
  saveTimer;
  refetching = false;
  /** The last error the server sent for this view (other than a resync). */
  error;
  get items() {
    return this.current;
  }
  subscribe(cb) {
    this.listeners.add(cb);
    cb(this.current);
    return () => this.listeners.delete(cb);
  }
  close() {
    this.closed = true;
    this.unsubscribe?.();
    this.offCache();
    this.listeners.clear();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.save();
    }
  }
  async start() {
    await this.deps.ready;
    const saved = await this.deps.persistence()?.getWatch(this.key).catch(() => void 0);
    if (this.closed) return;
    if (saved) {
      for (const id of saved.ids) this.members.add(id);
      this.lastSeq = saved.lastSeq;
      this.render();
      this.listen(saved.lastSeq);
      return;
    }
    this.listen(void 0);
    await this.load();
  }
  listen(since) {
    const variables = { where: this.opts.where ?? null };
    if (since !== void 0) variables.since = since;
    this.unsubscribe = this.deps.subscribe(this.subDoc, variables, {
      next: (r) => this.onEvent(r),
      error: (e) => this.onError(e)
    }, { collection: this.deps.collection, field: this.field });
  }
  /** Runs the view's query; events that arrive meanwhile win over the snapshot, id by id. */
  async load() {
    this.loading = /* @__PURE__ */ new Map();
    const variables = { where: this.opts.where ?? null, order: this.opts.order ?? null, first: this.opts.first ?? null };
    let result;
    try {
      result = await this.deps.query(this.queryDoc, variables);
    } catch (e) {
      this.error = e;
      this.loading = void 0;
      return;
    }
    if (this.closed) return;
    const connection = result.data?.[pluralize(this.field)];
    if (!connection) {
      this.error = result.errors;
      this.loading = void 0;
      return;
    }
    const during = this.loading;
    this.loading = void 0;
    this.members.clear();
    for (const doc of connection.nodes) {
      this.deps.cache.put(this.deps.collection, doc);
      this.members.add(doc.id);
    }
    for (const [id, inView] of during) {
      if (inView) this.members.add(id);
      else this.members.delete(id);
    }
    this.hasMore = Boolean(connection.pageInfo?.hasNextPage);
    this.render();
    this.scheduleSave();
  }
  onEvent(result) {
    if (this.closed) return;
    if (result?.errors?.length && !result.data) {
      this.onError(result);
      return;
    }
    const change = result?.data?.[`${this.field}Changed`];
    if (!change) return;
    const doc = change[this.field];
    if (typeof change.sequence === "number") this.lastSeq = change.sequence;
    if (!doc) return;
    const inView = change.kind !== "REMOVED";
    if (change.operation === "DELETED") this.deps.cache.delete(this.deps.collection, doc.id, doc.version, "event");
    else this.deps.cache.put(this.deps.collection, doc, "event");
    this.loading?.set(doc.id, inView);
    if (inView) this.members.add(doc.id);
    else this.members.delete(doc.id);
    this.render();
    this.scheduleSave();
  }
  /**
   * This tab's confirmed write: its optimistic state is about to go, and the view's event may come
   * later. Where the filter is fully evaluable here (the shared case table proves it agrees with the
   * server) the list keeps showing the document instead of blinking until the event arrives.
   */
  onOwnWrite(id, doc) {
    if (!doc) {
      this.members.delete(id);
      return;
    }
    const where = this.opts.where ?? {};
    if (JSON.stringify(prune(where, doc)) !== JSON.stringify(where)) return;
    if (matches(where, doc)) this.members.add(id);
    else this.members.delete(id);
  }
  onError(e) {
    if (this.closed) return;
    if (errorCode(e?.errors) === "RESYNC_REQUIRED") {
      this.unsubscribe?.();
      this.lastSeq = void 0;
      this.members.clear();
      this.listen(void 0);
      void this.load();
      return;
    }
    this.error = e;
  }
  render() {
    if (this.closed) return;
    const { cache, collection } = this.deps;
    const ids = /* @__PURE__ */ new Set([...this.members, ...cache.optimisticIds(collection)]);
    const where = this.opts.where ?? {};
    let docs = [...ids].map((id) => cache.get(collection, id)).filter((d) => d !== void 0 && matchesKnown(where, d));
    docs.sort(this.sort);
    const first = this.opts.first;
    if (first !== void 0) {
      if (docs.length < first && this.hasMore && !this.refetching && !this.loading) void this.refetch();
      docs = docs.slice(0, first);
    }
    const signature = docs.map((d) => `${d.id}@${d.version}:${JSON.stringify(d)}`).join("|");
    if (signature === this.signature) return;
    this.signature = signature;
    this.current = docs;
    for (const l of [...this.listeners]) l(docs);
  }
  /** A `first`-limited view that lost members fetches the next ones. */
  async refetch() {
    this.refetching = true;
    try {
      await this.load();
    } finally {
      this.refetching = false;
    }
  }
  scheduleSave() {
    if (!this.deps.persistence() || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.save(), 50);
  }
  save() {
    this.saveTimer = void 0;
    const state = { ids: [...this.members], lastSeq: this.lastSeq };
    void this.deps.persistence()?.putWatch(this.key, state).catch(() => void 0);
  }
};
function matchesKnown(where, doc) {
  return matches(prune(where, doc), doc);
}
function prune(where, doc) {
  const out = {};
  for (const [k, v] of Object.entries(where)) {
    if (k === "and" || k === "or") out[k] = v.map((f) => prune(f, doc));
    else if (k in doc) out[k] = v;
  }
  return out;
}

// src/persist.ts
var DOCS = "docs";
var WATCHES = "watches";
var QUEUE = "queue";
function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
var Persistence = class _Persistence {
  constructor(db) {
    this.db = db;
  }
  db;
  pending = [];
  flushing;
  static async open(name) {
    const idb = globalThis.indexedDB;
    if (!idb) return void 0;
    const open = idb.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const s of [DOCS, WATCHES, QUEUE]) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
    };
    return new _Persistence(await request(open));
  }
  async loadDocs() {
    const tx = this.db.transaction(DOCS, "readonly");
    return await request(tx.objectStore(DOCS).getAll());
  }
  putDoc(collection, doc) {
    this.enqueue((s) => s.put({ collection, doc }, `${collection}\0${doc.id}`));
  }
  deleteDoc(collection, id) {
    this.enqueue((s) => s.delete(`${collection}\0${id}`));
  }
  async getWatch(key) {
    const tx = this.db.transaction(WATCHES, "readonly");
    return await request(tx.objectStore(WATCHES).get(key));
  }
  async putWatch(key, state) {
    const tx = this.db.transaction(WATCHES, "readwrite");
    tx.objectStore(WATCHES).put(state, key);
    await done(tx);
  }
  async putWrite(w) {
    const tx = this.db.transaction(QUEUE, "readwrite");
    tx.objectStore(QUEUE).put(w, w.id);
    await done(tx);
  }
  async deleteWrite(id) {
    const tx = this.db.transaction(QUEUE, "readwrite");
    tx.objectStore(QUEUE).delete(id);
    await done(tx);
  }
  /** Takes over, in one transaction, the queued writes of tabs that are gone. */
  async adoptWrites(me, isGone) {
    const tx = this.db.transaction(QUEUE, "readwrite");
    const store = tx.objectStore(QUEUE);
    const all = await request(store.getAll());
    const adopted = all.filter((w) => w.owner !== me && isGone(w.owner));
    for (const w of adopted) store.put({ ...w, owner: me }, w.id);
    await done(tx);
    return adopted.sort((a, b) => a.order - b.order);
  }
  /** Resolves when every batched document write has committed. */
  async flush() {
    while (this.flushing || this.pending.length) {
      if (this.flushing) await this.flushing;
      else this.schedule();
    }
  }
  close() {
    this.db.close();
  }
  enqueue(op) {
    this.pending.push(op);
    if (!this.flushing) this.schedule();
  }
  schedule() {
    this.flushing = (async () => {
      await Promise.resolve();
      const ops = this.pending;
      this.pending = [];
      if (ops.length) {
        const tx = this.db.transaction(DOCS, "readwrite");
        const store = tx.objectStore(DOCS);
        for (const op of ops) op(store);
        await done(tx).catch(() => void 0);
      }
      this.flushing = void 0;
      if (this.pending.length) this.schedule();
    })();
  }
};

// src/writes.ts
var SYSTEM = /* @__PURE__ */ new Set(["id", "version", "createdAt", "updatedAt", "createdBy", "updatedBy", "__typename"]);
var MAX_CONFLICT_ROUNDS = 5;
var WriteError = class extends Error {
  constructor(errors, code) {
    super(errors?.[0]?.message ?? "The write failed.");
    this.errors = errors;
    this.code = code;
  }
  errors;
  code;
};
var WriteQueue = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  entries = [];
  listeners = /* @__PURE__ */ new Set();
  order = Date.now() * 1e3;
  running = false;
  onlineFlag = true;
  closed = false;
  list() {
    return this.entries.map(({ id, collection, kind, docId, state, error }) => ({ id, collection, kind, docId, state, ...error === void 0 ? {} : { error } }));
  }
  subscribe(cb) {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  get online() {
    return this.onlineFlag;
  }
  set online(value) {
    this.onlineFlag = value;
    if (value) this.kick();
  }
  create(collection, input) {
    const generated = typeof input.id !== "string";
    const docId = generated ? randomId() : input.id;
    return this.add(collection, "create", docId, { input: { ...input, id: docId }, generated });
  }
  update(collection, id, changes) {
    return this.add(collection, "update", id, { changes: { ...changes }, ...this.base(collection, id) });
  }
  async remove(collection, id) {
    await this.add(collection, "remove", id, this.base(collection, id));
  }
  /**
   * The version the edit is based on, fixed when the app makes it: an edit made offline on v1 must
   * conflict with a v2 that arrived meanwhile, not silently overwrite it. A write queued behind
   * another write of the same document builds on that write's result instead.
   */
  base(collection, id) {
    if (this.entries.some((e) => e.collection === collection && e.docId === id)) return {};
    const version = this.deps.cache.confirmed(collection, id)?.version;
    return version === void 0 ? {} : { baseVersion: version };
  }
  /** Queued writes a reload left behind (or a closed tab's), replayed after this tab's own. */
  adopt(stored) {
    for (const w of stored) {
      const entry = { id: w.id, order: w.order, collection: w.collection, kind: w.kind, docId: w.docId, state: "queued", payload: w.payload };
      this.entries.push(entry);
      this.overlay(entry);
    }
    this.entries.sort((a, b) => a.order - b.order);
    this.notify();
    this.kick();
  }
  /** Try queued writes again (the connection or the leader came back). */
  kick() {
    if (!this.running && !this.closed && this.onlineFlag && this.entries.length) void this.run();
  }
  close() {
    this.closed = true;
  }
  add(collection, kind, docId, payload) {
    return new Promise((resolve, reject) => {
      const entry = { id: randomId(), order: ++this.order, collection, kind, docId, state: "queued", payload, resolve, reject };
      this.entries.push(entry);
      this.overlay(entry);
      void this.deps.persistence?.putWrite(this.stored(entry)).catch(() => void 0);
      this.notify();
      this.kick();
    });
  }
  overlay(e) {
    const apply = e.kind === "create" ? () => ({ version: 0, ...e.payload.input }) : e.kind === "update" ? (d) => d ? { ...d, ...e.payload.changes } : d : () => void 0;
    this.deps.cache.addOverlay(e.collection, e.docId, e.id, apply);
  }
  async run() {
    this.running = true;
    try {
      while (!this.closed && this.onlineFlag && this.entries.length) {
        const e = this.entries[0];
        e.state = "sending";
        this.notify();
        let outcome;
        try {
          outcome = await this.send(e);
        } catch (err) {
          if (err instanceof WriteError) {
            this.finish(e, void 0, err);
            continue;
          }
          e.state = "queued";
          this.notify();
          setTimeout(() => this.kick(), 1e3);
          return;
        }
        this.finish(e, outcome.doc, void 0, outcome.applied);
      }
    } finally {
      this.running = false;
    }
  }
  finish(e, doc, error, applied = true) {
    const { cache } = this.deps;
    if (doc && applied && e.kind === "remove") cache.delete(e.collection, doc.id, doc.version, "write");
    else if (doc) cache.put(e.collection, doc, applied ? "write" : "local");
    this.entries.splice(this.entries.indexOf(e), 1);
    cache.removeOverlay(e.collection, e.docId, e.id);
    void this.deps.persistence?.deleteWrite(e.id).catch(() => void 0);
    if (error) {
      e.state = "failed";
      e.error = error;
      this.notifyWith([...this.list(), { id: e.id, collection: e.collection, kind: e.kind, docId: e.docId, state: "failed", error }]);
      e.reject?.(error);
    } else {
      e.resolve?.(doc);
    }
    this.notify();
  }
  /**
   * Sends one write, resolving VERSION_CONFLICT with the collection's strategy. `applied` is false
   * when the server state won and the write was dropped.
   */
  async send(e) {
    const options = this.deps.collection(e.collection);
    const strategy = options.conflict ?? "server-wins";
    const { cache } = this.deps;
    const base = e.payload.baseVersion;
    let expected = typeof base === "number" ? base : cache.confirmed(e.collection, e.docId)?.version;
    let changes = e.payload.changes;
    const field = `${e.kind === "remove" ? "delete" : e.kind}${e.collection}`;
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
      const result = await this.deps.execute(this.document(e.kind, e.collection, options.fields), this.variables(e, expected, changes));
      const code = errorCode(result.errors);
      if (!result.errors?.length) return { doc: result.data?.[field], applied: true };
      if (e.kind === "create" && code === "UNIQUE_VIOLATION" && e.payload.generated) {
        const existing = await this.fetch(e.collection, e.docId, options.fields);
        if (existing) return { doc: existing, applied: true };
      }
      if (code !== "VERSION_CONFLICT" || e.kind === "create") throw new WriteError(result.errors, code);
      const local = cache.get(e.collection, e.docId);
      const server = await this.fetch(e.collection, e.docId, options.fields);
      if (!server) throw new WriteError(result.errors, code);
      cache.put(e.collection, server);
      if (strategy === "server-wins") return { doc: server, applied: false };
      expected = server.version;
      if (typeof strategy === "function" && e.kind === "update") {
        const mine = { ...server, ...local ?? {}, ...changes ?? {}, id: e.docId, version: server.version };
        changes = diff(server, strategy(clone(server), clone(mine)));
        if (Object.keys(changes).length === 0) return { doc: server, applied: false };
      }
    }
    throw new WriteError([{ message: "The write kept conflicting.", extensions: { code: "VERSION_CONFLICT" } }], "VERSION_CONFLICT");
  }
  async fetch(collection, id, fields) {
    const field = singular(collection);
    const r = await this.deps.execute(`query($id: ID!) { ${field}(id: $id) { ${fields} } }`, { id });
    return r.data?.[field] ?? void 0;
  }
  document(kind, type, fields) {
    switch (kind) {
      case "create":
        return `mutation($input: Create${type}Input!) { create${type}(input: $input) { ${fields} } }`;
      case "update":
        return `mutation($id: ID!, $input: Update${type}Input!, $expectedVersion: Int) { update${type}(id: $id, input: $input, expectedVersion: $expectedVersion) { ${fields} } }`;
      default:
        return `mutation($id: ID!, $expectedVersion: Int) { delete${type}(id: $id, expectedVersion: $expectedVersion) { ${fields} } }`;
    }
  }
  variables(e, expected, changes) {
    if (e.kind === "create") return { input: e.payload.input };
    const v = { id: e.docId, expectedVersion: expected ?? null };
    if (e.kind === "update") v.input = changes ?? {};
    return v;
  }
  stored(e) {
    return { id: e.id, order: e.order, owner: this.deps.tabId, collection: e.collection, kind: e.kind, docId: e.docId, payload: e.payload };
  }
  notify() {
    this.notifyWith(this.list());
  }
  notifyWith(list) {
    for (const l of [...this.listeners]) l(list);
  }
};
function diff(server, merged) {
  const out = {};
  for (const [k, v] of Object.entries(merged)) {
    if (!SYSTEM.has(k) && JSON.stringify(v) !== JSON.stringify(server[k])) out[k] = v;
  }
  return out;
}

// src/client.ts
function createClient2(options) {
  return new Client(options);
}
var ADOPT_AFTER_MS = 1500;
var Client = class {
  constructor(options) {
    this.options = options;
    this.ready = this.init();
    this.followBrowserOnline();
  }
  options;
  ready;
  group;
  persistence;
  store = new Cache();
  writes;
  leaderCallbacks = /* @__PURE__ */ new Set();
  cleanups = [];
  lists = /* @__PURE__ */ new Set();
  closed = false;
  onlineFlag = true;
  async init() {
    const identity = await TabGroup.identify(this.options);
    const getToken = async () => await this.options.getToken?.() ?? null;
    const group = new TabGroup(identity, this.options, { url: this.options.url, getToken });
    this.group = group;
    if (this.options.persistence === "indexeddb") {
      this.persistence = await Persistence.open(`${this.options.namespace ?? "collectionstore"}:${identity}`).catch(() => void 0);
      for (const { collection, doc } of await this.persistence?.loadDocs() ?? []) this.store.put(collection, doc, "remote");
    }
    this.cleanups.push(this.store.onConfirmed((collection, id, doc, origin) => this.onConfirmed(collection, id, doc, origin)));
    this.writes = new WriteQueue({
      tabId: group.tabId,
      cache: this.store,
      persistence: this.persistence,
      collection: (name) => this.collectionOptions(name),
      execute: (document, variables) => group.router.query(document, variables)
    });
    this.writes.online = this.onlineFlag;
    this.cleanups.push(
      group.router.onEvent((e) => this.applyEvent(e)),
      group.bus.on((m) => {
        if (m.t === "cache" && m.from !== group.tabId) this.applyShared(m);
        if (m.t === "conn" && m.connected || m.t === "leader") this.writes?.kick();
      }),
      group.onLeaderChange((leading) => this.leaderCallbacks.forEach((cb) => cb(leading)))
    );
    group.start();
    if (this.persistence) this.adoptLater(group);
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
  watch(collection, opts = {}) {
    const options = this.collectionOptions(collection);
    const ready = this.ready;
    const list = new LiveQuery({
      collection,
      fields: options.fields,
      cache: this.store,
      ready,
      persistence: () => this.persistence,
      query: (document, variables) => this.query(document, variables),
      subscribe: (document, variables, sink, feed) => {
        let dispose;
        let cancelled = false;
        void ready.then(() => {
          if (!cancelled && !this.closed) dispose = this.group.router.subscribe(document, variables, sink, feed);
        });
        return () => {
          cancelled = true;
          dispose?.();
        };
      }
    }, opts);
    this.lists.add(list);
    return list;
  }
  async create(collection, input) {
    await this.ready;
    return this.writes.create(collection, input);
  }
  async update(collection, id, changes) {
    await this.ready;
    return this.writes.update(collection, id, changes);
  }
  async remove(collection, id) {
    await this.ready;
    return this.writes.remove(collection, id);
  }
  pending = {
    list: () => this.writes?.list() ?? [],
    subscribe: (cb) => {
      let off;
      let cancelled = false;
      void this.ready.then(() => {
        if (!cancelled) off = this.writes.subscribe(cb);
      });
      return () => {
        cancelled = true;
        off?.();
      };
    }
  };
  cache(collection) {
    return { get: (id) => this.store.get(collection, id), all: () => this.store.all(collection) };
  }
  get online() {
    return this.onlineFlag;
  }
  set online(value) {
    this.onlineFlag = value;
    if (this.writes) this.writes.online = value;
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => void 0);
    for (const l of this.lists) l.close();
    this.writes?.close();
    for (const c of this.cleanups) c();
    await this.group?.close();
    await this.persistence?.flush();
    this.persistence?.close();
  }
  collectionOptions(name) {
    const options = this.options.collections?.[name];
    if (!options) throw new Error(`Collection '${name}' is not configured: pass collections: { ${name}: { fields: 'id version \u2026' } }.`);
    return options;
  }
  /** Every tab applies every change event, so all caches hold the same state. */
  applyEvent(e) {
    if (!e.feed) return;
    const change = e.result?.data?.[`${e.feed.field}Changed`];
    const doc = change?.[e.feed.field];
    if (!doc) return;
    if (change.operation === "DELETED") this.store.delete(e.feed.collection, doc.id, doc.version, "event");
    else this.store.put(e.feed.collection, doc, "event");
  }
  applyShared(m) {
    const collection = m.collection;
    if (m.doc) this.store.put(collection, m.doc, "remote");
    else this.store.delete(collection, m.id, m.version, "remote");
  }
  onConfirmed(collection, id, doc, origin) {
    if (doc) this.persistence?.putDoc(collection, doc);
    else this.persistence?.deleteDoc(collection, id);
    if ((origin === "local" || origin === "write") && this.group) {
      const version = doc?.version ?? this.store.confirmed(collection, id)?.version ?? Number.MAX_SAFE_INTEGER;
      this.group.bus.post({ t: "cache", collection, id, doc, version });
    }
  }
  /** Writes queued by tabs that are gone (a reload, a closed tab) are replayed by this one. */
  adoptLater(group) {
    const seen = /* @__PURE__ */ new Set();
    const off = group.bus.on((m) => seen.add(m.from));
    const timer = setTimeout(async () => {
      off();
      if (this.closed) return;
      const alive = await group.liveness.alive?.().catch(() => void 0) ?? seen;
      void this.persistence?.adoptWrites(group.tabId, (owner) => !alive.has(owner)).then((adopted) => this.writes?.adopt(adopted)).catch(() => void 0);
    }, group.liveness.alive ? 0 : ADOPT_AFTER_MS);
    this.cleanups.push(() => {
      clearTimeout(timer);
      off();
    });
  }
  followBrowserOnline() {
    const w = globalThis;
    if (typeof w.addEventListener !== "function" || typeof w.navigator?.onLine !== "boolean") return;
    const on = () => {
      this.online = true;
    };
    const off = () => {
      this.online = false;
    };
    w.addEventListener("online", on);
    w.addEventListener("offline", off);
    this.onlineFlag = w.navigator.onLine;
    this.cleanups.push(() => {
      w.removeEventListener?.("online", on);
      w.removeEventListener?.("offline", off);
    });
  }
};
export {
  WriteError,
  compare,
  createClient2 as createClient,
  matches
};
//# sourceMappingURL=collectionstore-client.js.map
