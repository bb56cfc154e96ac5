export { createClient } from './client.js';
export { matches, compare } from './filter.js';
export { WriteError } from './writes.js';
export type * from './types.js';
