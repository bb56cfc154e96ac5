import type { Doc } from './types.js';

// Client-side twin of the server's filter and sort evaluators. Semantics (shared with the server
// through test/filter-cases.json): eq/neq are null-safe, every other positive operator is false on
// null or a missing field, each n-operator is exactly NOT its positive, strings compare ordinally
// (code point order, like SQLite BINARY over UTF-8), numbers numerically, a missing list is empty,
// and a filter on an embedded object is false when the object is null or missing.

const NEGATED: Record<string, string> = {
  neq: 'eq', nin: 'in', ngt: 'gt', ngte: 'gte', nlt: 'lt', nlte: 'lte',
  ncontains: 'contains', nstartsWith: 'startsWith', nendsWith: 'endsWith',
};
const POSITIVE = new Set(['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'endsWith']);
const LIST_OPS = new Set(['some', 'all', 'none', 'any']);

type Filter = Record<string, unknown>;

/** True when the document satisfies `where` as the server would evaluate it. */
export function matches(where: object | null | undefined, doc: Doc | Record<string, unknown>): boolean {
  return matchObject((where ?? {}) as Filter, (doc ?? {}) as Record<string, unknown>);
}

function matchObject(where: Filter, value: Record<string, unknown>): boolean {
  for (const [key, cond] of Object.entries(where)) {
    if (cond === undefined) continue;
    if (key === 'and') {
      if (!(cond as Filter[]).every((f) => matchObject(f, value))) return false;
    } else if (key === 'or') {
      if (!(cond as Filter[]).some((f) => matchObject(f, value))) return false;
    } else if (!matchField(cond as Filter, value?.[key])) {
      return false;
    }
  }
  return true;
}

/** One field's condition: operators, list quantifiers, or a nested (embedded) filter. */
function matchField(cond: Filter, fieldValue: unknown): boolean {
  if (cond === null || typeof cond !== 'object') return false;
  const keys = Object.keys(cond).filter((k) => cond[k] !== undefined);
  if (keys.length === 0) return true;
  if (keys.every((k) => LIST_OPS.has(k))) return matchList(cond, fieldValue);
  if (keys.every((k) => POSITIVE.has(k) || k in NEGATED)) return keys.every((k) => matchOperator(k, cond[k], fieldValue));
  // An embedded object's filter needs the object: on a null or missing one it is false.
  if (fieldValue === null || typeof fieldValue !== 'object' || Array.isArray(fieldValue)) return false;
  return matchObject(cond, fieldValue as Record<string, unknown>);
}

function matchList(cond: Filter, fieldValue: unknown): boolean {
  const list = Array.isArray(fieldValue) ? fieldValue : [];
  const element = (el: unknown, f: unknown) => matchElement(f as Filter, el);
  for (const [op, f] of Object.entries(cond)) {
    if (f === undefined) continue;
    if (op === 'some' && !list.some((el) => element(el, f))) return false;
    if (op === 'all' && !list.every((el) => element(el, f))) return false;
    if (op === 'none' && list.some((el) => element(el, f))) return false;
    if (op === 'any' && (list.length > 0) !== Boolean(f)) return false;
  }
  return true;
}

/** A list element is a scalar (operators apply to it) or an embedded object (a nested filter). */
function matchElement(f: Filter, el: unknown): boolean {
  if (el !== null && typeof el === 'object' && !Array.isArray(el)) return matchObject(f, el as Record<string, unknown>);
  return Object.entries(f).every(([op, v]) => v === undefined || matchOperator(op, v, el));
}

function matchOperator(op: string, operand: unknown, value: unknown): boolean {
  const positive = NEGATED[op];
  if (positive) return !matchOperator(positive, operand, value);
  const v = value === undefined ? null : value;
  switch (op) {
    case 'eq':
      return equal(v, operand ?? null);
    case 'in':
      return Array.isArray(operand) && operand.some((o) => equal(v, o ?? null));
    default:
      break;
  }
  if (v === null || operand === null || operand === undefined) return false;
  switch (op) {
    case 'gt': return comparable(v, operand) && compareValues(v, operand) > 0;
    case 'gte': return comparable(v, operand) && compareValues(v, operand) >= 0;
    case 'lt': return comparable(v, operand) && compareValues(v, operand) < 0;
    case 'lte': return comparable(v, operand) && compareValues(v, operand) <= 0;
    case 'contains': return typeof v === 'string' && typeof operand === 'string' && v.includes(operand);
    case 'startsWith': return typeof v === 'string' && typeof operand === 'string' && v.startsWith(operand);
    case 'endsWith': return typeof v === 'string' && typeof operand === 'string' && v.endsWith(operand);
    default: throw new Error(`Unknown filter operator '${op}'.`);
  }
}

function comparable(a: unknown, b: unknown): boolean {
  return rank(a) === rank(b);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (rank(a) !== rank(b)) return false;
  return compareValues(a, b) === 0;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** SQLite's order of storage classes: NULL < numbers (booleans are 1/0) < text < anything else. */
function rank(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number' || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/** Total order of two non-null scalars, with the server's rules. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) return Number(a) - Number(b);
  if (ra === 2) return compareStrings(a as string, b as string);
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}

function compareStrings(a: string, b: string): number {
  // Date-times may come back in another precision than the filter's literal; compare the instants.
  if (ISO.test(a) && ISO.test(b)) {
    const d = dateKey(a).localeCompare(dateKey(b));
    if (d !== 0 || dateKey(a) !== '') return d;
  }
  return codePointCompare(a, b);
}

/** Normalised UTC instant with 7 fractional digits (the server's storage format). */
function dateKey(s: string): string {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return '';
  const frac = (/\.(\d+)/.exec(s)?.[1] ?? '').padEnd(7, '0').slice(3, 7);
  return `${new Date(ms).toISOString().slice(0, -1)}${frac}Z`;
}

function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

type SortKey = { path: string[]; desc: boolean };

function sortKeys(order: object[] | undefined): SortKey[] {
  const keys: SortKey[] = [];
  const walk = (o: Record<string, unknown>, path: string[]) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === 'ASC' || v === 'DESC') keys.push({ path: [...path, k], desc: v === 'DESC' });
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...path, k]);
    }
  };
  for (const o of order ?? []) walk(o as Record<string, unknown>, []);
  return keys;
}

function valueAt(doc: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = doc;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v === undefined ? null : v;
}

/** Comparator with the server's order: NULLs first ASC / last DESC, then id ASC as the tie-breaker. */
export function compare(order: object[] | undefined): (a: Doc, b: Doc) => number {
  const keys = sortKeys(order);
  return (a, b) => {
    for (const k of keys) {
      const d = compareValues(valueAt(a, k.path), valueAt(b, k.path));
      if (d !== 0) return k.desc ? -d : d;
    }
    return codePointCompare(String(a.id), String(b.id));
  };
}
