import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cache } from '../src/cache.js';

const doc = (id: string, version: number, extra: object = {}) => ({ id, version, ...extra });

test('Cache_OlderVersionAfterNewer_Ignored', () => {
  const c = new Cache();
  assert.equal(c.put('Task', doc('a', 2, { t: 'new' })), true);
  assert.equal(c.put('Task', doc('a', 1, { t: 'old' })), false);
  assert.equal(c.get('Task', 'a')?.t, 'new');
});

test('Cache_SameVersionMoreFields_KeepsTheUnion', () => {
  const c = new Cache();
  c.put('Task', doc('a', 3, { t: 'x' }));
  c.put('Task', doc('a', 3, { p: 1 }));
  assert.deepEqual(c.get('Task', 'a'), { id: 'a', version: 3, t: 'x', p: 1 });
});

test('Cache_Deleted_OlderStatesNeverComeBack', () => {
  const c = new Cache();
  c.put('Task', doc('a', 2));
  assert.equal(c.delete('Task', 'a', 2), true);
  assert.equal(c.put('Task', doc('a', 1)), false);
  assert.equal(c.put('Task', doc('a', 2)), false);
  assert.equal(c.get('Task', 'a'), undefined);
});

test('Cache_DeleteOfAnOlderState_KeepsTheNewerDocument', () => {
  const c = new Cache();
  c.put('Task', doc('a', 5));
  assert.equal(c.delete('Task', 'a', 4), false);
  assert.equal(c.get('Task', 'a')?.version, 5);
});

test('Cache_Overlays_AppliedInOrderAndRemovedIndividually', () => {
  const c = new Cache();
  c.put('Task', doc('a', 1, { n: 0 }));
  c.addOverlay('Task', 'a', 'w1', (d) => (d ? { ...d, n: 1 } : d));
  c.addOverlay('Task', 'a', 'w2', (d) => (d ? { ...d, m: 2 } : d));
  assert.deepEqual(c.get('Task', 'a'), { id: 'a', version: 1, n: 1, m: 2 });
  c.removeOverlay('Task', 'a', 'w1');
  assert.deepEqual(c.get('Task', 'a'), { id: 'a', version: 1, n: 0, m: 2 });
  assert.equal(c.confirmed('Task', 'a')?.n, 0);
  c.addOverlay('Task', 'b', 'w3', () => ({ id: 'b', version: 0 }));
  assert.deepEqual(c.all('Task').map((d) => d.id).sort(), ['a', 'b']);
  assert.deepEqual(c.optimisticIds('Task').sort(), ['a', 'b']);
});

test('Cache_Listeners_OneNotificationPerBurst', async () => {
  const c = new Cache();
  const calls: string[][] = [];
  c.onChange((_collection, ids) => calls.push(ids.sort()));
  c.put('Task', doc('a', 1));
  c.put('Task', doc('b', 1));
  c.put('Task', doc('a', 2));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(calls, [['a', 'b']]);
});
