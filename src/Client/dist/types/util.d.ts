/** JSON with sorted object keys, so equal variables give equal subscription keys. */
export declare function stableStringify(value: unknown): string;
/** Mirrors the server's Pluralizer so generated field names match (task → tasks, category → categories). */
export declare function pluralize(word: string): string;
export declare function singular(typeName: string): string;
export declare function randomId(): string;
/** The `sub` claim of a JWT, decoded without verification: it only picks the tab group, the server verifies. */
export declare function identityOf(token: string | null | undefined): string;
/** The first error code of a result, as the server puts it in extensions.code. */
export declare function errorCode(errors: any[] | undefined): string | undefined;
export declare function clone<T>(value: T): T;
