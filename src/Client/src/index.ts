export { createClient } from './client.js';
export { matches, compare } from './filter.js';
export type * from './types.js';
