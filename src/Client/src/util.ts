/** JSON with sorted object keys, so equal variables give equal subscription keys. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** Mirrors the server's Pluralizer so generated field names match (task → tasks, category → categories). */
export function pluralize(word: string): string {
  if (word.length > 1 && word.endsWith('y') && !'aeiou'.includes(word[word.length - 2]!)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

export function singular(typeName: string): string {
  return typeName.charAt(0).toLowerCase() + typeName.slice(1);
}

export function randomId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The `sub` claim of a JWT, decoded without verification: it only picks the tab group, the server verifies. */
export function identityOf(token: string | null | undefined): string {
  if (!token) return 'anonymous';
  const part = token.split('.')[1];
  if (!part) return 'anonymous';
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' && claims.sub ? claims.sub : 'anonymous';
  } catch {
    return 'anonymous';
  }
}

function decodeBase64(b64: string): string {
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The first error code of a result, as the server puts it in extensions.code. */
export function errorCode(errors: any[] | undefined): string | undefined {
  return errors?.find((e) => e?.extensions?.code)?.extensions?.code;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
