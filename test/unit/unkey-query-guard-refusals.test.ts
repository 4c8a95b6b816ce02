// What the v2 query guard refuses, with Unkey's 400 "Bad Request" and a detail naming the problem, and
// what it must not refuse: forbidden words inside string literals and comments.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { guardQuery, type GuardContext } from '../emulator/unkey/query-guard';
import { PUBLIC_TABLES } from '../emulator/unkey/schema';
import { CTX, DAY, NOW, RECENT_A, openGuardFixture, type GuardFixture } from './unkey-query-guard-fixture';

let fixture: GuardFixture;
before(async () => {
  fixture = await openGuardFixture();
});
after(() => fixture.close());

function refusal(sql: string, ctx?: Partial<GuardContext>): string {
  const result = guardQuery(sql, { ...CTX, ...ctx });
  assert.ok(!result.ok, `expected a refusal: ${sql}`);
  assert.equal(result.status, 400, sql);
  assert.equal(result.title, 'Bad Request', sql);
  return result.detail;
}

const refused = (reason: string): string => `Invalid SQL query ${reason}`;
const notSelect = refused('Only SELECT queries are allowed');
const table = (name: string): string => refused(`Access to table '${name}' is not allowed`);
const tooOld = (from: string): string =>
  refused(`Cannot query data older than 30 days. Your query attempts to access data from ${from}, but only data from 2025-05-16 onwards is available.`);

describe('statements', () => {
  it('refuses a second statement but tolerates trailing semicolons', () => {
    assert.equal(refusal('SELECT count() FROM key_verifications_v1; SELECT 1'), refused('Only one SQL statement is allowed'));
    assert.equal(refusal('SELECT count() FROM key_verifications_v1; DROP TABLE key_verifications_raw_v2'), refused('Only one SQL statement is allowed'));
    assert.deepEqual(fixture.run('SELECT count() AS n FROM key_verifications_v1 ;; '), [{ n: RECENT_A.length }]);
    assert.equal(refusal('  ; '), refused('No SQL statements found'));
  });

  it('refuses every statement that is not a SELECT', () => {
    for (const sql of [
      "INSERT INTO key_verifications_v1 (key_id) VALUES ('x')",
      "ALTER TABLE key_verifications_raw_v2 DELETE WHERE workspace_id = 'ws_b'",
      'DROP TABLE key_verifications_raw_v2',
      'CREATE TABLE x (a Int8) ENGINE = Memory',
      'SYSTEM FLUSH LOGS',
      'SET max_result_rows = 0',
      'OPTIMIZE TABLE key_verifications_raw_v2 FINAL',
      'TRUNCATE TABLE key_verifications_raw_v2',
      'EXPLAIN SELECT * FROM key_verifications_v1',
      'SHOW TABLES',
      'DESCRIBE TABLE key_verifications_v1',
      'FROM key_verifications_v1 SELECT count()',
      'SELECT * FROM (FROM system.tables SELECT name)',
      'SELECT * FROM (EXPLAIN SELECT 1)',
    ]) assert.equal(refusal(sql), notSelect, sql);
    assert.match(refusal('WITH x AS (SELECT 1 FROM key_verifications_v1) INSERT INTO t SELECT * FROM x'), /^Invalid SQL query Invalid SQL syntax: /);
  });

  it('refuses SETTINGS, FORMAT and INTO OUTFILE', () => {
    assert.equal(refusal('SELECT * FROM key_verifications_v1 SETTINGS max_result_rows = 0'), refused('SETTINGS is not allowed'));
    assert.equal(refusal('SELECT * FROM key_verifications_v1 FORMAT CSV'), refused('FORMAT is not allowed'));
    assert.equal(refusal("SELECT * FROM key_verifications_v1 INTO OUTFILE '/tmp/x'"), refused('INTO is not allowed'));
  });

  it('refuses a query without FROM, and malformed SQL', () => {
    assert.equal(refusal('SELECT 1'), refused('Query must have a FROM clause'));
    for (const sql of [
      "SELECT 'open FROM key_verifications_v1",
      'SELECT 1 /* open',
      'SELECT (1 FROM key_verifications_v1',
      'SELECT {p:String} FROM key_verifications_v1',
      'SELECT $$x$$ FROM key_verifications_v1',
    ]) assert.match(refusal(sql), /^Invalid SQL query Invalid SQL syntax: /, sql);
  });
});

describe('tables', () => {
  it('refuses system and information_schema tables wherever they appear', () => {
    assert.equal(refusal('SELECT * FROM system.tables'), table('system.tables'));
    assert.equal(refusal('SELECT * FROM `system`.`users`'), table('system.users'));
    assert.equal(refusal('SELECT * FROM INFORMATION_SCHEMA.COLUMNS'), table('INFORMATION_SCHEMA.COLUMNS'));
    for (const sql of [
      'SELECT * FROM key_verifications_v1 WHERE key_id IN (SELECT name FROM system.tables)',
      'SELECT key_id FROM key_verifications_v1 UNION ALL SELECT name FROM system.tables',
      'SELECT * FROM key_verifications_v1 AS v JOIN system.tables AS t ON 1 = 1',
      'SELECT * FROM key_verifications_v1, system.tables',
      'WITH t AS (SELECT name FROM system.tables) SELECT * FROM t',
      'SELECT (SELECT count() FROM system.tables) AS n FROM key_verifications_v1',
      'SELECT * FROM (SELECT * FROM (SELECT * FROM system.tables))',
      'SELECT * FROM key_verifications_v1 WHERE key_id IN system.tables',
      'SELECT * FROM key_verifications_v1 WHERE key_id IN ((system.tables))',
      'SELECT * FROM key_verifications_v1 WHERE key_id NOT IN ((system.tables AS a) AS b)',
      'SELECT * FROM key_verifications_v1 AS a JOIN key_verifications_v1 AS b ON a.key_id = b.key_id, system.tables',
      'SELECT * FROM key_verifications_v1 AS a JOIN key_verifications_v1 AS b USING (key_id), system.tables',
    ]) assert.equal(refusal(sql), table('system.tables'), sql);
  });

  it('refuses the real table names and other databases', () => {
    for (const name of Object.values(PUBLIC_TABLES)) assert.equal(refusal(`SELECT * FROM ${name}`), table(name));
    assert.equal(refusal('SELECT * FROM default.key_verifications_v1'), table('default.key_verifications_v1'));
    assert.equal(refusal('SELECT * FROM key_verifications_v1 WHERE key_id IN (key_verifications_raw_v2)'), table('key_verifications_raw_v2'));
    assert.equal(refusal('SELECT * FROM KEY_VERIFICATIONS_V1'), table('KEY_VERIFICATIONS_V1'));
    const shadow = 'WITH key_verifications_raw_v2 AS (SELECT 1 FROM key_verifications_v1) SELECT * FROM key_verifications_raw_v2';
    assert.equal(refusal(shadow), refused("CTE name 'key_verifications_raw_v2' is not allowed"));
  });

  it('refuses a CTE name used outside the query that defines it', () => {
    assert.equal(refusal('SELECT * FROM (WITH c AS (SELECT * FROM key_verifications_v1) SELECT * FROM c) AS x, c'), table('c'));
  });

  it('refuses table functions', () => {
    for (const [sql, name] of [
      ['SELECT * FROM numbers(10)', 'numbers'],
      ["SELECT * FROM file('/etc/passwd', 'CSV')", 'file'],
      ["SELECT * FROM url('http://example.com/x.csv', CSV)", 'url'],
      ["SELECT * FROM key_verifications_v1 JOIN remote('localhost', system.one) AS r ON 1 = 1", 'remote'],
      ["SELECT * FROM VALUES('a String', ('x'))", 'values'],
    ] as const) assert.equal(refusal(sql), refused(`Table function '${name}' is not allowed for security reasons`), sql);
  });
});

describe('functions', () => {
  it('refuses functions off the allow-list, named in lower case', () => {
    for (const [sql, name] of [
      ["SELECT file('/etc/passwd') FROM key_verifications_v1", 'file'],
      ["SELECT FILE('/etc/passwd') FROM key_verifications_v1", 'file'],
      ['SELECT "file"(\'/etc/passwd\') FROM key_verifications_v1', 'file'],
      ['SELECT count() FROM key_verifications_v1 WHERE sleep(3) = 0', 'sleep'],
      ["SELECT dictGet('d', 'a', key_id) FROM key_verifications_v1", 'dictget'],
      ["SELECT getSetting('max_result_rows') FROM key_verifications_v1", 'getsetting'],
      ['SELECT uniqIf(key_id, 1) FROM key_verifications_v1', 'uniqif'],
      ['SELECT * APPLY(toString) FROM key_verifications_v1', 'apply'],
      // The function form of IN reads a table: in(x, system.tables).
      ['SELECT count() FROM key_verifications_v1 WHERE in(key_id, system.tables)', 'in'],
      ['SELECT count() FROM key_verifications_v1 WHERE NOT in(key_id, (system.tables))', 'in'],
    ] as const) assert.equal(refusal(sql), refused(`Function '${name}' is not allowed`), sql);
  });
});

describe('virtual columns', () => {
  it('refuses an API or external id the workspace does not have', () => {
    assert.equal(refusal("SELECT count() FROM key_verifications_v1 WHERE apiId = 'api_b1'"), refused('API api_b1 not found'));
    assert.equal(refusal("SELECT count() FROM key_verifications_v1 WHERE api_id IN ('api_a1', 'api_nope')"), refused('API api_nope not found'));
    assert.equal(refusal("SELECT count() FROM key_verifications_v1 WHERE external_id = 'user_9'"), refused('Identity user_9 not found'));
  });
});

describe('retention', () => {
  it('refuses lower bounds on time older than the window, however written', () => {
    for (const [sql, from] of [
      ['SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= now() - INTERVAL 40 DAY', '2025-05-06'],
      ['SELECT count() FROM key_verifications_per_hour_v1 WHERE time > toStartOfDay(now() - INTERVAL 2 MONTH)', '2025-04-16'],
      [`SELECT count() FROM key_verifications_v1 WHERE time >= ${NOW - 31 * DAY}`, '2025-05-15'],
      [`SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= fromUnixTimestamp64Milli(${NOW - 45 * DAY})`, '2025-05-01'],
      ["SELECT count() FROM key_verifications_per_day_v1 WHERE time >= toDate('2025-01-01')", '2025-01-01'],
      ["SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= toDateTime('2025-05-01 00:00:00')", '2025-05-01'],
      ["SELECT count() FROM key_verifications_per_hour_v1 WHERE time BETWEEN '2025-04-01' AND now()", '2025-04-01'],
      ['SELECT count() FROM key_verifications_per_hour_v1 WHERE now() - INTERVAL 60 DAY <= time', '2025-04-16'],
      ["SELECT count() FROM key_verifications_per_hour_v1 AS v WHERE outcome = 'VALID' AND (v.time >= today() - toIntervalDay(90))", '2025-03-17'],
      ['SELECT * FROM (SELECT key_id FROM key_verifications_v1 WHERE time >= 0)', '1970-01-01'],
      // Like Unkey's parser, every number is read as Unix milliseconds, even inside toDateTime().
      ['SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= toDateTime(1749000000)', '1970-01-21'],
    ] as const) assert.equal(refusal(sql), tooOld(from), sql);
  });

  it('lets upper bounds and unreadable bounds through to the scoped tables', () => {
    assert.ok(guardQuery('SELECT count() FROM key_verifications_per_hour_v1 WHERE time <= now() - INTERVAL 90 DAY', CTX).ok);
    assert.ok(guardQuery('SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= toStartOfDay(now()) - 5', CTX).ok);
    assert.ok(guardQuery('SELECT count() FROM key_verifications_per_hour_v1 WHERE time >= now() - INTERVAL 400 DAY', { ...CTX, retentionDays: 0 }).ok);
  });
});

describe('string literals and comments', () => {
  it('forbidden words inside strings do not trip the checks, and come back verbatim', () => {
    const [row] = fixture.run(`SELECT 'FROM system.tables; DROP TABLE x -- /*' AS a, 'it\\'s file(''x'') apiId = ''nope''' AS b,
      count() AS n FROM key_verifications_v1`);
    assert.deepEqual(row, { a: 'FROM system.tables; DROP TABLE x -- /*', b: "it's file('x') apiId = 'nope'", n: RECENT_A.length });
  });

  it('forbidden words inside comments do not trip the checks', () => {
    const sql = `SELECT count() AS n /* FROM system.tables; DROP TABLE key_verifications_raw_v2 */
      FROM key_verifications_v1 -- ; INSERT INTO key_verifications_raw_v2 SELECT * FROM system.tables
      # ; sleep(3)`;
    assert.deepEqual(fixture.run(sql), [{ n: RECENT_A.length }]);
    assert.deepEqual(fixture.run('SELECT count() AS n FROM key_verifications_v1 /* outer /* nested */ still a comment; DROP TABLE x */'), [{ n: RECENT_A.length }]);
  });

  it('a comment cannot hide a second statement or a table', () => {
    assert.equal(refusal('SELECT count() FROM key_verifications_v1 /* x */; DROP TABLE key_verifications_raw_v2'), refused('Only one SQL statement is allowed'));
    assert.equal(refusal('SELECT count() FROM key_verifications_v1 -- x\n; DROP TABLE key_verifications_raw_v2'), refused('Only one SQL statement is allowed'));
    assert.equal(refusal('SELECT count() FROM /* key_verifications_v1 */ system.tables'), table('system.tables'));
    const result = guardQuery('SELECT count() FROM key_verifications_v1 /* ; DROP TABLE x */', CTX);
    assert.ok(result.ok && !result.sql.includes('DROP'), 'comments are not passed on to ClickHouse');
  });

  it('quoted identifiers name tables and columns like bare ones', () => {
    assert.deepEqual(fixture.run('SELECT count("key_id") AS n FROM `key_verifications_v1`'), [{ n: RECENT_A.length }]);
    assert.equal(refusal('SELECT * FROM "system"."tables"'), table('system.tables'));
  });
});
