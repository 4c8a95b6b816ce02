// The analytics store: Unkey's tables (schema.ts) in an embedded ClickHouse (chdb), so v1 answers and
// v2 SQL run on a real ClickHouse engine. chdb allows one data directory per process, so every
// emulator in a process shares one Session and gets a database of its own; statements run one at a
// time because `USE <database>` is session state.
import { Session } from 'chdb';
import { CREATE_TABLES } from './schema';

let shared: { session: Session; users: number } | undefined;
let databases = 0;
let queue: Promise<unknown> = Promise.resolve();

export interface QueryResult<Row> {
  rows: Row[];
  /** Column names and ClickHouse types, in select order. */
  meta: { name: string; type: string }[];
}

export class UnkeyStore {
  readonly database: string;
  private closed = false;

  private constructor(database: string) {
    this.database = database;
  }

  static async open(): Promise<UnkeyStore> {
    if (!shared) {
      // UTC, so DateTime and Date columns bucket as Unkey's do whatever the machine's zone is.
      shared = { session: new Session(undefined, { connectionArgs: ['--session_timezone=UTC'] }), users: 0 };
    }
    shared.users += 1;
    const store = new UnkeyStore(`unkey_emulator_${++databases}`);
    await store.exec(`CREATE DATABASE IF NOT EXISTS ${store.database}`, false);
    for (const statement of CREATE_TABLES) await store.exec(statement);
    return store;
  }

  /** Runs a statement that returns nothing (DDL, INSERT … SELECT). */
  async exec(sql: string, useDatabase = true): Promise<void> {
    await this.run(sql, useDatabase, 'TabSeparated');
  }

  /** Runs a SELECT and returns its rows, 64-bit integers as numbers. */
  async query<Row>(sql: string): Promise<QueryResult<Row>> {
    const text = await this.run(sql, true, 'JSON');
    const parsed = JSON.parse(text) as { meta: { name: string; type: string }[]; data: Row[] };
    return { rows: parsed.data, meta: parsed.meta };
  }

  /** Inserts rows given as objects (column name → value). */
  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const payload = rows.map((row) => JSON.stringify(row)).join('\n');
    await this.serial(async () => {
      const session = this.session();
      await session.queryAsync(`USE ${this.database}`);
      await session.insert({ table, values: payload, format: 'JSONEachRow' });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial(async () => {
      await this.session().queryAsync(`DROP DATABASE IF EXISTS ${this.database} SYNC`);
    }).catch(() => undefined);
    this.closed = true;
    if (shared && --shared.users === 0) {
      shared.session.close();
      shared = undefined;
    }
  }

  private run(sql: string, useDatabase: boolean, format: string): Promise<string> {
    return this.serial(async () => {
      const session = this.session();
      if (useDatabase) await session.queryAsync(`USE ${this.database}`);
      const result = await session.queryAsync(sql, { format });
      return result.text();
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  private session(): Session {
    if (this.closed || !shared) throw new Error('the Unkey store is closed');
    return shared.session;
  }
}
