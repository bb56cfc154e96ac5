// Runs the GraphQL-over-HTTP spec audits of the reference package `graphql-http` against a running server
// (tests/run.sh starts it and passes its URL in GRAPHQL_URL). Every audit is one test; all must pass.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';

const url = process.env.GRAPHQL_URL;
if (!url) {
  throw new Error('GRAPHQL_URL must point at a running Collection Store /graphql endpoint');
}

const audits = serverAudits({ url });
const failures = [];

describe('graphql-http serverAudits', () => {
  test('the suite has at least the 60 audits of the spec', () => {
    assert.ok(audits.length >= 60, `only ${audits.length} audits`);
  });

  for (const audit of audits) {
    test(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        failures.push(result);
      }
      assert.equal(result.status, 'ok', `${result.status}: ${result.reason}`);
    });
  }

  after(() => {
    console.log(`graphql-http audits: ${audits.length - failures.length}/${audits.length} passed`);
    for (const failure of failures) {
      console.log(`  ${failure.status} ${failure.id} ${failure.name}: ${failure.reason}`);
    }
  });
});
