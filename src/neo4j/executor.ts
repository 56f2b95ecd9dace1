import { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { fromNeo4jError } from '../errors/index.js';
import type { Plain } from './values.js';
import { appendChange, renewEpoch } from './changeFeedQueries.js';
import { toPlain } from './values.js';

/** A Cypher statement and its parameters, as built by the pure functions in `src/cypher`. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One result row with plain values. */
export type Row = Readonly<Record<string, Plain>>;

/** Runs statements inside one open transaction (see `Executor.writeTransaction`). */
export interface TransactionRunner {
  run(query: CypherQuery): Promise<Row[]>;
  /**
   * Records that this write changes the state or the links of these entities (for a link: both
   * its ends): the change feed gets them when the transaction commits, in the same transaction
   * (src/cypher/changeFeedQueries.ts). Every write of what a path query crosses calls it.
   */
  changed(ids: Iterable<string>): void;
  /** Records that this write replaces the graph wholesale: every projection rebuilds. */
  replaced(): void;
}

/** Told, after a write transaction committed, of the change feed position it wrote. */
export type CommitListener = (seq: number) => Promise<void>;

/** Told of every statement sent to the database; tests count round trips with it. */
export type QueryObserver = (query: CypherQuery, mode: 'READ' | 'WRITE') => void;

/**
 * The one owner of sessions. Reads go through `executeRead` and writes through `executeWrite`,
 * so a cluster routes them and transient faults are retried; every transaction has a timeout
 * and metadata; sessions are closed in `finally`; driver errors are mapped to API errors here.
 */
export class Executor {
  private readonly observers = new Set<QueryObserver>();
  private readonly commitListeners = new Set<CommitListener>();

  constructor(
    private readonly driver: Driver,
    readonly database: string | undefined,
    readonly timeoutMs: number,
    private readonly metadata: Readonly<Record<string, string>> = { app: 'liaison-graph' },
    observers?: Set<QueryObserver>,
    commitListeners?: Set<CommitListener>,
  ) {
    if (observers) this.observers = observers;
    if (commitListeners) this.commitListeners = commitListeners;
  }

  /** The same executor with extra transaction metadata (e.g. a request id), sharing observers. */
  withMetadata(metadata: Readonly<Record<string, string>>): Executor {
    return new Executor(
      this.driver,
      this.database,
      this.timeoutMs,
      { ...this.metadata, ...metadata },
      this.observers,
      this.commitListeners,
    );
  }

  /**
   * The same database with observers and commit listeners of its own: a background reader (the
   * projection following the feed) is then not counted as a request's statements.
   */
  detached(): Executor {
    return new Executor(this.driver, this.database, this.timeoutMs, {
      ...this.metadata,
      background: 'true',
    });
  }

  /** The same executor with another transaction timeout (a benchmark bounds a peer's query). */
  withTimeout(timeoutMs: number): Executor {
    return new Executor(
      this.driver,
      this.database,
      timeoutMs,
      this.metadata,
      this.observers,
      this.commitListeners,
    );
  }

  /**
   * Registers a listener awaited after every write transaction that appended to the change
   * feed, before the write returns (the projection applies it: a write acknowledged by this API
   * is in its next read). Returns the function that removes it.
   */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /**
   * Runs a statement outside a managed transaction's buffering, handing each record's values to
   * `onRow` as it arrives (a projection streams millions of rows without holding them).
   */
  async stream(query: CypherQuery, onRow: (values: readonly unknown[]) => void): Promise<number> {
    // Large pulls: a stream of millions of rows pays a round trip per pull.
    const session = this.driver.session({
      ...(this.database === undefined ? {} : { database: this.database }),
      defaultAccessMode: 'READ',
      fetchSize: STREAM_FETCH_SIZE,
    });
    try {
      for (const observer of this.observers) observer(query, 'READ');
      let rows = 0;
      const result = session.run(query.cypher, query.params, {
        timeout: this.timeoutMs,
        metadata: this.metadata,
      });
      for await (const record of result) {
        const values: unknown[] = [];
        for (let i = 0; i < record.length; i++) values.push(record.get(i));
        onRow(values);
        rows++;
      }
      return rows;
    } catch (error) {
      throw mapped(error, this.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** Registers an observer; returns the function that removes it. */
  observe(observer: QueryObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Runs one statement in a read transaction. */
  read(query: CypherQuery): Promise<Row[]> {
    return this.transact('READ', (runner) => runner.run(query));
  }

  /** Runs one statement in a write transaction. */
  write(query: CypherQuery): Promise<Row[]> {
    return this.transact('WRITE', (runner) => runner.run(query));
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or none does.
   * `work` may be retried on a transient fault, so it must not have side effects outside it.
   */
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.transact('WRITE', work);
  }

  /** Runs `work` in one read transaction (a consistent snapshot across its statements). */
  readTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.transact('READ', work);
  }

  /**
   * Runs one statement in an auto-commit transaction, for statements that commit in batches
   * themselves (`CALL { … } IN TRANSACTIONS`) and so cannot run inside a managed transaction.
   * Not retried: such a statement must be safe to rerun by the caller.
   */
  async autoCommit(query: CypherQuery): Promise<Row[]> {
    const session = this.session('WRITE');
    try {
      for (const observer of this.observers) observer(query, 'WRITE');
      const result = await session.run(query.cypher, query.params, {
        timeout: this.timeoutMs,
        metadata: this.metadata,
      });
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      throw fromNeo4jError(error, this.timeoutMs) ?? error;
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      ...(this.database === undefined ? {} : { database: this.database }),
      defaultAccessMode: mode,
    });
  }

  /**
   * Runs a transaction, and runs it again (a few times) when a concurrent write deleted an
   * element it had found, which Neo4j reports as a client error (`EntityNotFound`, "Unable to
   * load NODE") rather than a transient one: run again, the transaction no longer finds the
   * element and answers as for a missing one.
   */
  private async transact<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: TransactionRunner) => Promise<T>,
  ): Promise<T> {
    for (let left = DELETED_MEANWHILE_ATTEMPTS; ; left--) {
      try {
        return await this.transactOnce(mode, work);
      } catch (error) {
        if (left <= 1 || !deletedMeanwhile(error)) throw mapped(error, this.timeoutMs);
      }
    }
  }

  private async transactOnce<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: TransactionRunner) => Promise<T>,
  ): Promise<T> {
    const session = this.session(mode);
    const config = { timeout: this.timeoutMs, metadata: this.metadata };
    let appended: number | undefined;
    const runIn = async (tx: ManagedTransaction): Promise<T> => {
      const run = async (query: CypherQuery): Promise<Row[]> => {
        for (const observer of this.observers) observer(query, mode);
        const result = await tx.run(query.cypher, query.params);
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      };
      const changed = new Set<string>();
      const wholesale = { replaced: false };
      appended = undefined;
      const value = await work({
        run,
        changed: (ids) => {
          if (mode === 'READ') throw new Error('a read transaction changes nothing');
          for (const id of ids) changed.add(id);
        },
        replaced: () => {
          if (mode === 'READ') throw new Error('a read transaction changes nothing');
          wholesale.replaced = true;
        },
      });
      // Last, so the feed's lock is held only from here to the commit.
      if (wholesale.replaced) appended = Number((await run(renewEpoch()))[0]?.['seq']);
      else if (changed.size > 0)
        appended = Number((await run(appendChange([...changed].sort())))[0]?.['seq']);
      return value;
    };
    let value: T;
    try {
      value = await (mode === 'READ'
        ? session.executeRead(runIn, config)
        : session.executeWrite(runIn, config));
    } finally {
      await session.close();
    }
    if (appended !== undefined) await this.committed(appended);
    return value;
  }

  /** Tells the commit listeners of a change the feed got (after the commit). */
  async committed(seq: number): Promise<void> {
    for (const listener of this.commitListeners) await listener(seq);
  }
}

/** Records per pull of `stream`. */
const STREAM_FETCH_SIZE = 20_000;

/** How many times a transaction runs when concurrent deletes keep pulling elements from it. */
const DELETED_MEANWHILE_ATTEMPTS = 3;

const deletedMeanwhile = (error: unknown): boolean =>
  error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.EntityNotFound';

const mapped = (error: unknown, timeoutMs: number): unknown =>
  fromNeo4jError(error, timeoutMs) ?? error;
