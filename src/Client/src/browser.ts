// The browser bundle's entry: everything except the Apollo link, so the page needs no Apollo.
export { createClient } from './client.js';
export { matches, compare } from './filter.js';
export { WriteError } from './writes.js';
export type * from './types.js';
