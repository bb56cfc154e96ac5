import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compare, matches } from '../src/filter.js';
import type { Doc } from '../src/types.js';

// The same table runs against the real server in tests/Api.Tests/Client/FilterAgreementTests.cs.
const table = JSON.parse(readFileSync(new URL('../../test/filter-cases.json', import.meta.url), 'utf8')) as {
  documents: Doc[];
  cases: Array<{ name: string; where?: object; order?: object[]; expected: string[] }>;
};

for (const c of table.cases) {
  test(`FilterCase_${c.name}`, () => {
    const ids = table.documents.filter((d) => matches(c.where ?? {}, d)).sort(compare(c.order ?? [])).map((d) => d.id);
    assert.deepEqual(ids, c.expected);
  });
}

test('Compare_EmptyOrder_IsIdAscending', () => {
  const docs = [{ id: 'b', version: 1 }, { id: 'a', version: 1 }] as Doc[];
  assert.deepEqual(docs.sort(compare([])).map((d) => d.id), ['a', 'b']);
});
