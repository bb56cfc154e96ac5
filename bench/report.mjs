// Writes the benchmark report (Markdown) from the raw JSON of one bench/run.sh run.
// Usage: node bench/report.mjs <raw dir> "<command>"  > bench/results/latest.md
import { readFileSync, readdirSync } from 'node:fs';
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

line('## 1. Idle hold: N connections, one subscription each');
table('idle', [
  ['time to connect + subscribe all (s, lower better)', 'connectSeconds'],
  ['RSS after (MB)', 'rssAfterMb'],
  ['RSS per connection (KB, lower better)', 'rssPerConnectionKb'],
  ['managed/JS heap per connection (KB)', 'heapPerConnectionKb'],
  ['one change reached all', 'allDelivered'],
]);
line('## 2. Fan-out: one change to N subscribers of the same filter');
table('fanout', [
  ['single change: time to last subscriber, median (ms)', 'timeToLastMsMedian'],
  ['single change: time to last, worst (ms)', 'timeToLastMsWorst'],
  ['burst: deliveries/s at saturation (higher better)', 'deliveriesPerSecond'],
  ['burst: p99 (ms)', 'burstLatency.p99Ms'],
  ['server CPU µs per delivery (lower better)', 'cpuUsPerDelivery'],
  ['burst complete', 'burstComplete'],
]);
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
line('## 5. Authorization rules: N subscribers across 50 users (OURS only: the peer has no rules)');
table('rules', [
  ['cohorts', 'cohorts'],
  ['executions per event', 'executionsPerEvent'],
  ['server CPU µs per delivery (compare with 4. identical)', 'cpuUsPerDelivery'],
  ['p50 (ms)', 'latency.p50Ms'],
  ['p99 (ms)', 'latency.p99Ms'],
  ['all delivered', 'complete'],
], { peer: false });
line('## 6. Two nodes through Redis (OURS only)');
table('twonode', [
  ['cross-node p50 (ms)', 'crossNodeLatency.p50Ms'],
  ['cross-node p99 (ms)', 'crossNodeLatency.p99Ms'],
  ['all delivered', 'complete'],
], { peer: false });
line('## 7. Slow consumers: 10 % of subscribers stop reading');
table('slow', [
  ['readers p50 (ms)', 'readersLatency.p50Ms'],
  ['readers p99 (ms, lower better)', 'readersLatency.p99Ms'],
  ['readers got everything', 'complete'],
  ['server RSS before (MB)', 'rssBeforeMb'],
  ['server RSS peak (MB, lower better)', 'rssPeakMb'],
  ['slow consumers ended by the server', 'slowConsumersEnded'],
]);
process.stdout.write(out.join('\n') + '\n');
