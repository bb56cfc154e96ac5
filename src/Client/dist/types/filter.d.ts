import type { Doc } from './types.js';
/** True when the document satisfies `where` as the server would evaluate it. */
export declare function matches(where: object | null | undefined, doc: Doc | Record<string, unknown>): boolean;
/** Total order of two non-null scalars, with the server's rules. */
export declare function compareValues(a: unknown, b: unknown): number;
/** Comparator with the server's order: NULLs first ASC / last DESC, then id ASC as the tie-breaker. */
export declare function compare(order: object[] | undefined): (a: Doc, b: Doc) => number;
