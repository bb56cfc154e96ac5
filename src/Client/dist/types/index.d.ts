export { createClient } from './client.js';
export { matches, compare } from './filter.js';
export { WriteError } from './writes.js';
export { CrossTabLink, type CrossTabLinkOptions } from './crosstab-link.js';
export type * from './types.js';
