import { describe, expect, it } from 'vitest';
import { netSchema } from '../../src/import/importSchema.js';
import { MIGRATIONS } from '../../src/migrations/index.js';

describe('the schema of an imported store', () => {
  it('is what the migrations leave: no index a later migration drops, the last definition of each', () => {
    const { creates, others } = netSchema(MIGRATIONS);
    const names = creates.map((statement) => /(?:INDEX|CONSTRAINT) (\w+)/.exec(statement)?.[1]);
    expect(names).not.toContain('entity_search');
    expect(names).not.toContain('serves_id');
    expect(names).toContain('serves_id_unique');
    expect(names).toContain('entity_terms');
    expect(new Set(names).size).toBe(names.length);
    expect(others).toEqual([
      "MERGE (f:ChangeFeed {name: 'main'}) ON CREATE SET f.seq = 0, f.epoch = randomUUID()",
    ]);
  });

  it('keeps the last of two definitions of one name, and forgets a dropped one', () => {
    const statements = [
      'CREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.p)',
      'CREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:X) ON EACH [n.p]',
      'DROP INDEX a IF EXISTS',
      "CREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:X) ON EACH [n.q] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
      { batched: 'MATCH (n) CALL (n) { SET n:Y } IN TRANSACTIONS' },
    ];
    expect(netSchema([{ version: 1, name: 't', statements }])).toEqual({
      creates: [statements[3]],
      others: [],
    });
  });
});
