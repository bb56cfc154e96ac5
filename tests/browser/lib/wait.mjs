// Waiting for conditions with a deadline (never a fixed sleep): polls `condition` until it returns a truthy
// value, which is returned; throws with `what` and the last value when the deadline passes.

/**
 * @template T
 * @param {() => T | Promise<T>} condition
 * @param {{ timeoutMs?: number, intervalMs?: number, what?: string }} [options]
 * @returns {Promise<T>}
 */
export async function waitFor(condition, { timeoutMs = 10_000, intervalMs = 25, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await condition();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}
