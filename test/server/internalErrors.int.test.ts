import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Executor,
  type CypherQuery,
  type Database,
  type Row,
  type TransactionRunner,
} from '../../src/neo4j/index.js';
import { createLogger } from '../../src/log/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { serverOptions } from '../support/testApi.js';
import { postRaw } from '../support/http.js';

/** A statement Neo4j refuses with a syntax error that quotes it back. */
const BROKEN = {
  cypher: 'MATCH (secret:Service {id: $id}) RETURN secret.leakedMarker +',
  params: { id: 'sis' },
};

/** A statement that runs for minutes, for the transaction timeout to stop. */
const SLOW = {
  cypher: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n',
  params: {},
};

/** The real executor, sending `statement` to the real Neo4j in place of every read. */
class SubstitutingExecutor extends Executor {
  constructor(
    database: Database,
    timeoutMs: number,
    private readonly statement: CypherQuery,
  ) {
    super(database.driver, database.executor.database, timeoutMs);
  }

  override withMetadata(): Executor {
    return this;
  }

  override read(): Promise<Row[]> {
    return super.read(this.statement);
  }

  override readTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return super.readTransaction((tx) => work({ ...tx, run: () => tx.run(this.statement) }));
  }
}

let database: Database;
/** What the broken server logged. */
const logged: string[] = [];
let broken: RunningServer;
let slow: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  // Every read of these executors fails or times out, the projection's too: path queries read
  // Neo4j hop by hop here, through the substituted statements.
  const base = serverOptions({ pathEngine: 'neo4j' });
  const over = (executor: Executor): Database => ({ ...database, executor });
  broken = await startServer(
    over(new SubstitutingExecutor(database, 30_000, BROKEN)),
    { ...base, production: true },
    createLogger('error', (line) => logged.push(line)),
  );
  slow = await startServer(over(new SubstitutingExecutor(database, 200, SLOW)), base, testLog);
});

afterAll(async () => {
  await broken.stop();
  await slow.stop();
  await database.close();
});

describe('errors a client never sees the inside of', () => {
  it("the database's own error (here a syntax error quoting the Cypher) is really that", async () => {
    const direct = new SubstitutingExecutor(database, 30_000, BROKEN).read();
    await expect(direct).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.SyntaxError',
      message: expect.stringContaining('leakedMarker') as unknown,
    });
  });

  it('is logged in full, and reaches the client of a compiled query as INTERNAL_SERVER_ERROR without Cypher, driver details or a stack', async () => {
    const response = await postRaw(
      broken.url,
      JSON.stringify({ query: '{ service(id: "sis") { id name } }' }),
    );
    expect(response).toEqual({
      status: 200,
      data: { service: null },
      errors: [
        {
          message:
            'Internal error; it has been logged. Retry, or report it with the time of the request.',
          path: ['service'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    const entries = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: 'unexpected error in a request',
        errorCode: 'Neo.ClientError.Statement.SyntaxError',
        error: expect.stringContaining('leakedMarker') as unknown,
      }),
    );
    const text = JSON.stringify(response);
    for (const leak of [
      'leakedMarker',
      'MATCH',
      'Neo.ClientError',
      'Neo4jError',
      'stacktrace',
      '    at ',
    ])
      expect(text).not.toContain(leak);
  });

  it('a transaction stopped by NEO4J_TX_TIMEOUT_MS reaches the client as QUERY_TIMEOUT', async () => {
    const response = await postRaw(
      slow.url,
      JSON.stringify({ query: '{ service(id: "sis") { id } }' }),
    );
    expect(response.errors).toEqual([
      {
        message:
          'The query ran longer than the transaction timeout of 200 ms; narrow it (fewer hops, a shorter window, a smaller page).',
        path: ['service'],
        extensions: { code: 'QUERY_TIMEOUT', limit: 'NEO4J_TX_TIMEOUT_MS', value: 200 },
      },
    ]);
  });
});
