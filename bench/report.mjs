// Writes the benchmark report (Markdown) from the raw JSON of one bench/run.sh run.
// Usage: node bench/report.mjs <raw dir> "<command>"  > bench/results/latest.md
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { join } from 'node:path';

const [dir, command = 'bench/run.sh'] = process.argv.slice(2);
const runs = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const [scenario, n, server] = file.replace('.json', '').split('-');
  ((runs[scenario] ??= {})[n] ??= {})[server] = data;
}

// A run of selected scenarios (bench/run.sh --only) reports only those; a full run marks a missing one "not run".
const selection = /(^|\s)--only(\s|$)/.test(command);
const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const fmt = (v) => (v === undefined || v === null ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2)) : String(v));
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : '—');
const version = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const out = [];
const line = (text = '') => out.push(text);

function table(scenario, rows, { peer = true } = {}) {
  const byN = runs[scenario] ?? {};
  const ns = Object.keys(byN).sort((a, b) => Number(a) - Number(b));
  if (ns.length === 0) {
    line('_not run_');
    return;
  }
  line(`| metric | N | OURS | PEER | OURS/PEER |`);
  line('|---|---:|---:|---:|---:|');
  for (const n of ns) {
    const ours = byN[n].ours;
    const theirs = byN[n].peer;
    for (const who of [ours, theirs]) {
      if (who?.error) line(`| **${who.server} failed**: ${who.error.replaceAll('|', '/')} | ${n} | | | |`);
      if (who?.skipped) line(`| ${who.skipped} | ${n} | | | |`);
    }
    for (const [label, path] of rows) {
      const a = get(ours?.result, path);
      const b = peer ? get(theirs?.result, path) : undefined;
      line(`| ${label} | ${fmt(Number(n))} | ${fmt(a)} | ${peer ? fmt(b) : 'n/a'} | ${peer ? ratio(a, b) : '—'} |`);
    }
  }
  line();
}

const shown = (scenario) => !selection || runs[scenario] !== undefined;

// Scenario 8: one column per store provider (the file's "server" part), PostgreSQL/SQLite as the ratio.
function providersTable() {
  const byN = runs.providers ?? {};
  const ns = Object.keys(byN).sort((a, b) => Number(a) - Number(b));
  if (ns.length === 0) {
    line('_not run_');
    return;
  }
  const rows = [
    ['writes: mutations/s, closed loop (higher better)', 'writes.mutationsPerSecond'],
    ['writes: mutation round trip p50 (ms)', 'writes.mutationLatency.p50Ms'],
    ['writes: mutation round trip p99 (ms)', 'writes.mutationLatency.p99Ms'],
    ['writes: failed mutations', 'writes.failures'],
    ['writes: every change reached every subscriber', 'writes.deliveriesComplete'],
    ['writes: delivery p99 on node B under that load (ms)', 'writes.secondNodeDeliveryLatency.p99Ms'],
    ['fixed rate, sent on A: cross-node (A → B) p50 (ms)', 'delivery.crossNodeLatency.p50Ms'],
    ['fixed rate, sent on A: cross-node (A → B) p99 (ms)', 'delivery.crossNodeLatency.p99Ms'],
    ['fixed rate, sent on A: same node (A → A) p50 (ms)', 'delivery.sameNodeLatency.p50Ms'],
    ['fixed rate, sent on A: same node (A → A) p99 (ms)', 'delivery.sameNodeLatency.p99Ms'],
    ['fixed rate: all delivered', 'delivery.complete'],
    ['load average (1 min) when the run started', 'loadAverageAtStart', { compare: false }],
  ];
  line('| metric | subscribers | SQLite | PostgreSQL | PG/SQLite |');
  line('|---|---:|---:|---:|---:|');
  for (const n of ns) {
    const { sqlite, postgresql } = byN[n];
    for (const who of [sqlite, postgresql]) {
      if (who?.error) line(`| **${who.server} failed**: ${who.error.replaceAll('|', '/')} | ${n} | | | |`);
    }
    for (const [label, path, { compare = true } = {}] of rows) {
      const a = get(sqlite?.result, path);
      const b = get(postgresql?.result, path);
      if (a !== undefined || b !== undefined) line(`| ${label} | ${fmt(Number(n))} | ${fmt(a)} | ${fmt(b)} | ${compare ? ratio(b, a) : '—'} |`);
    }
  }
  line();
  const results = Object.values(byN).flatMap((byProvider) => Object.values(byProvider)).map((r) => r.result);
  const writes = results.find((r) => r?.writes)?.writes;
  const delivery = results.find((r) => r?.delivery)?.delivery;
  const versionFile = join(dir, 'postgres-version.txt');
  const pgVersion = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^postgres \(PostgreSQL\)/, 'PostgreSQL') : 'PostgreSQL';
  if (writes) {
    line(`- Writes: ${writes.writersPerNode} writers per node, each sending its next single-document mutation (\`createTask\`) as soon as the last was answered, measured for ${fmt(writes.seconds)} s after a warm-up; the subscribers are split evenly over both nodes.`);
  }
  if (delivery) {
    line(`- Fixed rate: ${fmt(delivery.mutations)} mutations at ${fmt(delivery.mutationsPerSecond)}/s sent to node A before the write test; latency from the send to the event's arrival, as in 6.`);
  }
  line(`- SQLite: both nodes on one file (WAL, synchronous=FULL). ${pgVersion}: both nodes on one database of a throw-away cluster on the same machine (fsync and synchronous_commit on), each node in a working directory of its own. A fresh Redis, store and pair of nodes per run; the database server shares the 2 cores too.`);
  line();
}

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model;
line('# Benchmark: Collection Store (OURS) vs the reference Node.js stack (PEER)');
line();
line(`- Date: ${new Date().toISOString()}`);
line(`- Command: \`${command}\``);
line(`- Machine: ${cpus().length} cores (nproc ${version('nproc')}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, CPU ${cpuModel}`);
line(`- Load average at the end of the run: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (above ~2 means other work shared the 2 cores: noisy figures)`);
line(`- .NET ${version('dotnet --version')}, Node ${process.version}; PEER = graphql-ws 6 on ws 8 with graphql 16 over an in-memory store (bench/peer); OURS = Release build, SQLite store, in-memory bus, log level Warning`);
line('- The load client (bench/LoadClient) runs on the same 2 cores as the server, so it takes CPU from the server under load; both servers face the same client.');
line('- Latency = mutation sent by the client (timestamp in the task title) → event parsed by the subscriber; it includes the HTTP mutation and the commit.');
line();

if (shown('idle')) {
  line('## 1. Idle hold: N connections, one subscription each');
  table('idle', [
    ['time to connect + subscribe all (s, lower better)', 'connectSeconds'],
    ['RSS after (MB)', 'rssAfterMb'],
    ['RSS per connection (KB, lower better)', 'rssPerConnectionKb'],
    ['managed/JS heap per connection (KB)', 'heapPerConnectionKb'],
    ['one change reached all', 'allDelivered'],
  ]);
}
if (shown('fanout')) {
  line('## 2. Fan-out: one change to N subscribers of the same filter');
  table('fanout', [
    ['single change: time to last subscriber, median (ms)', 'timeToLastMsMedian'],
    ['single change: time to last, worst (ms)', 'timeToLastMsWorst'],
    ['burst: deliveries/s at saturation (higher better)', 'deliveriesPerSecond'],
    ['burst: p99 (ms)', 'burstLatency.p99Ms'],
    ['server CPU µs per delivery (lower better)', 'cpuUsPerDelivery'],
    ['burst complete', 'burstComplete'],
  ]);
}
if (shown('throughput')) {
  line('## 3. Throughput at p99 ≤ 50 ms (mutation rate stepped up)');
  table('throughput', [
    ['highest deliveries/s with p99 ≤ 50 ms (higher better)', 'bestDeliveriesPerSecond'],
    ['… at mutations/s', 'bestMutationsPerSecond'],
    ['… its p99 (ms)', 'bestP99Ms'],
  ]);
  for (const [n, byServer] of Object.entries(runs.throughput ?? {})) {
    for (const [server, data] of Object.entries(byServer)) {
      const steps = (data.result?.steps ?? []).map((s) => `${s.mutationsPerSecond}/s→${fmt(s.deliveriesPerSecond)} d/s p99 ${s.latency.p99Ms} ms${s.passed ? '' : ' ✗'}`);
      line(`- ${server} (N=${n}) steps: ${steps.join('; ')}`);
    }
  }
  line();
}
if (shown('cohorts')) {
  line('## 4. Cohorts: N identical vs N distinct subscriptions');
  table('cohorts', [
    ['identical: executions per event', 'identical.executionsPerEvent'],
    ['identical: executions per delivery (target ≤ 0.05)', 'identical.executionsPerDelivery'],
    ['identical: server CPU µs per delivery', 'identical.cpuUsPerDelivery'],
    ['identical: p99 (ms)', 'identical.latency.p99Ms'],
    ['distinct: executions per event', 'distinct.executionsPerEvent'],
    ['distinct: server CPU µs per delivery', 'distinct.cpuUsPerDelivery'],
    ['distinct: p99 (ms)', 'distinct.latency.p99Ms'],
  ]);
}
if (shown('rules')) {
  line('## 5. Authorization rules: N subscribers across 50 users (OURS only: the peer has no rules)');
  table('rules', [
    ['cohorts', 'cohorts'],
    ['executions per event', 'executionsPerEvent'],
    ['server CPU µs per delivery (compare with 4. identical)', 'cpuUsPerDelivery'],
    ['p50 (ms)', 'latency.p50Ms'],
    ['p99 (ms)', 'latency.p99Ms'],
    ['all delivered', 'complete'],
  ], { peer: false });
}
if (shown('twonode')) {
  line('## 6. Two nodes through Redis (OURS only)');
  table('twonode', [
    ['cross-node p50 (ms)', 'crossNodeLatency.p50Ms'],
    ['cross-node p99 (ms)', 'crossNodeLatency.p99Ms'],
    ['all delivered', 'complete'],
  ], { peer: false });
}
if (shown('slow')) {
  line('## 7. Slow consumers: 10 % of subscribers stop reading');
  table('slow', [
    ['readers p50 (ms)', 'readersLatency.p50Ms'],
    ['readers p99 (ms, lower better)', 'readersLatency.p99Ms'],
    ['readers got everything', 'complete'],
    ['server RSS before (MB)', 'rssBeforeMb'],
    ['server RSS peak (MB, lower better)', 'rssPeakMb'],
    ['slow consumers ended by the server', 'slowConsumersEnded'],
  ]);
}
if (shown('providers')) {
  line('## 8. Store providers (two nodes through Redis)');
  providersTable();
}
process.stdout.write(out.join('\n') + '\n');
