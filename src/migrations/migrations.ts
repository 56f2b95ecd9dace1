import { BEGINNING, END, LABELS, LINK_TYPES } from '../model/index.js';
import type { Migration } from '../neo4j/index.js';
import { storeSearchProps } from '../search/storeSearchProps.js';

/**
 * The schema, in order. Append; never edit a released migration (a new version changes it).
 * Schema statements cannot share a transaction with data writes in Neo4j, so each runs alone.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'unique ids',
    statements: [
      'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE',
      ...LABELS.map(
        (label) =>
          `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      ),
    ],
  },
  {
    version: 2,
    name: 'lookups and full-text search',
    statements: [
      'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
      ...LABELS.map(
        (label) =>
          `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`,
      ),
      ...['Service', 'Organization'].map(
        (label) =>
          `CREATE INDEX ${label.toLowerCase()}_kind IF NOT EXISTS FOR (n:${label}) ON (n.kind)`,
      ),
      ...LINK_TYPES.map(
        (type) =>
          `CREATE INDEX ${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
      ),
      `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:${LABELS.join('|')}) ON EACH [n.name, n.acronym, n.aliasesText, n.codename, n.code]`,
    ],
  },
  {
    version: 3,
    name: 'API keys',
    statements: [
      // Not named `apikey_id`: the `<label>_id` names are the entity labels' constraints.
      'CREATE CONSTRAINT api_key_id_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE',
    ],
  },
  {
    version: 4,
    name: 'audit log',
    statements: [
      'CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE',
      'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)',
    ],
  },
  {
    version: 5,
    name: 'full-text search updated after commit',
    // A full-text index updated inside every committing transaction made concurrent writes
    // queue on Lucene: `npm run stress -- --kinds write --concurrency 16` went from 44 to 88
    // writes a second with it updated after commit, and the mixed load from 24.5 to 85 requests
    // (README, "Faults and load"). It is as fresh for `search`, which first waits for pending
    // updates (src/cypher/search.ts).
    statements: [
      'DROP INDEX entity_search IF EXISTS',
      `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:${LABELS.join('|')}) ON EACH [n.name, n.acronym, n.aliasesText, n.codename, n.code] OPTIONS {indexConfig: {\`fulltext.eventually_consistent\`: true}}`,
    ],
  },
  {
    version: 6,
    name: 'ids unique whatever the timing',
    // Concurrent creates of one id were all acknowledged (issue 13): the check ran before the
    // write without a lock, and nothing in the database made a relationship id unique, or an
    // entity id unique across labels. Now the database refuses the second create itself: every
    // entity also carries the label Entity, unique by id; every relationship type is unique by
    // id (the constraint's index replaces the plain one); and writers of explicit link ids share
    // one lock node, unique by name (src/cypher/writeLocks.ts).
    statements: [
      {
        batched: `MATCH (n) WHERE ${LABELS.map((label) => `n:${label}`).join(' OR ')} CALL (n) { SET n:Entity } IN TRANSACTIONS OF 10000 ROWS`,
      },
      'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      ...LINK_TYPES.flatMap((type) => [
        `DROP INDEX ${type.toLowerCase()}_id IF EXISTS`,
        `CREATE CONSTRAINT ${type.toLowerCase()}_id_unique IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
      ]),
      'CREATE CONSTRAINT write_lock_name_unique IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.name IS UNIQUE',
    ],
  },
  {
    version: 7,
    name: 'inner spans and structure',
    // Issue 14: every window has an outer span (validFrom..validTo, as before) and an inner
    // span (innerFrom..innerTo: certainly in force), src/model/timeSpans.ts. Stores written
    // before hold plain partial dates only; their inner spans follow the same rules here.
    statements: [
      {
        batched:
          'MATCH (n) WHERE n:Service OR n:Country OR n:Organization OR n:Officer ' +
          'CALL (n) { WITH n, coalesce(n.from, n.born) AS f, coalesce(n.to, n.died) AS t ' +
          `WITH n, CASE WHEN f IS NULL THEN '${BEGINNING}' ELSE ${LAST_DAY('f')} END AS a, CASE WHEN t IS NULL THEN '${END}' ELSE ${FIRST_DAY('t')} END AS b ` +
          'SET n.innerFrom = CASE WHEN a <= b THEN a END, n.innerTo = CASE WHEN a <= b THEN b END ' +
          '} IN TRANSACTIONS OF 10000 ROWS',
      },
      {
        batched:
          'MATCH (n) WHERE n:LiaisonChannel OR n:Operation ' +
          'CALL (n) { WITH n, n.from AS f, n.to AS t ' +
          `WITH n, CASE WHEN f IS NULL THEN NULL ELSE ${LAST_DAY('f')} END AS a, CASE WHEN t IS NULL THEN '${END}' ELSE ${FIRST_DAY('t')} END AS b ` +
          'SET n.innerFrom = CASE WHEN a <= b THEN a END, n.innerTo = CASE WHEN a <= b THEN b END ' +
          '} IN TRANSACTIONS OF 10000 ROWS',
      },
      {
        batched:
          'MATCH ()-[r]->() WHERE r.id IS NOT NULL ' +
          'CALL (r) { WITH r, r.from AS f, r.to AS t ' +
          `WITH r, CASE WHEN f IS NULL AND t IS NULL THEN '${BEGINNING}' WHEN f IS NULL THEN NULL ELSE ${LAST_DAY('f')} END AS a, CASE WHEN t IS NULL THEN '${END}' ELSE ${FIRST_DAY('t')} END AS b ` +
          'SET r.innerFrom = CASE WHEN a <= b THEN a END, r.innerTo = CASE WHEN a <= b THEN b END ' +
          '} IN TRANSACTIONS OF 10000 ROWS',
      },
      'CREATE CONSTRAINT part_of_id_unique IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE',
    ],
  },
  {
    version: 8,
    name: 'search terms',
    // Issue 14: search finds words of any searched field (notes and quotes too), accents folded,
    // with typos and prefixes. Each entity stores its folded terms and fields (searchTerms and
    // searchText, written with the entity by planGraph; here for stores written before); the
    // terms are indexed with the whitespace analyzer, so Lucene's terms are exactly the ones
    // search scores (src/search/searchTerms.ts). It replaces entity_search, which no query reads.
    statements: [
      { computed: storeSearchProps },
      `CREATE FULLTEXT INDEX entity_terms IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchTerms] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace', \`fulltext.eventually_consistent\`: true}}`,
      'DROP INDEX entity_search IF EXISTS',
    ],
  },
  {
    version: 9,
    name: 'change feed',
    // Issue 15: the in-memory projection of the traversal graph follows the writes through a
    // feed every write transaction appends to (src/cypher/changeFeedQueries.ts): one feed node
    // whose counter numbers the changes, and the changes by number.
    statements: [
      'CREATE CONSTRAINT change_feed_name_unique IF NOT EXISTS FOR (f:ChangeFeed) REQUIRE f.name IS UNIQUE',
      'CREATE CONSTRAINT change_seq_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)',
      "MERGE (f:ChangeFeed {name: 'main'}) ON CREATE SET f.seq = 0, f.epoch = randomUUID()",
    ],
  },
];

/** Cypher: the last day of a plain partial date (`1949` -> `1949-12-31`), as stored before EDTF. */
function LAST_DAY(x: string): string {
  return (
    `CASE size(${x}) WHEN 4 THEN ${x} + '-12-31' ` +
    `WHEN 7 THEN toString(date(${x} + '-01') + duration({months: 1}) - duration({days: 1})) ELSE ${x} END`
  );
}

/** Cypher: the first day of a plain partial date (`1949` -> `1949-01-01`). */
function FIRST_DAY(x: string): string {
  return `CASE size(${x}) WHEN 4 THEN ${x} + '-01-01' WHEN 7 THEN ${x} + '-01' ELSE ${x} END`;
}
