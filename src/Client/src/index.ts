// The Node / bundler entry: the browser bundle's API plus the Apollo link (Apollo is a peer dependency).
export { createClient } from './client.js';
export { matches, compare } from './filter.js';
export { WriteError } from './writes.js';
export { CrossTabLink, type CrossTabLinkOptions } from './crosstab-link.js';
export type * from './types.js';
