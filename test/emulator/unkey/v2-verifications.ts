// POST /v2/analytics.getVerifications: `{"query": "<SQL>"}` checked and rewritten by the query guard
// (Unkey's query-parser rules), then run read-only on the ClickHouse store.
// Values come back as Unkey's Go server encodes them: numbers for integers, and Date/DateTime
// columns as RFC 3339 strings ("2025-01-12T09:00:00Z"), as encoding/json writes a time.Time.
import type { EmulatorRequest, EmulatorResponse } from '../vendor';
import { json } from '../vendor';
import { holdsAny } from './auth';
import { findApi, findIdentity, type UnkeyContext } from './context';
import { v2Error } from './errors';
import { guardQuery } from './query-guard';
import { PUBLIC_TABLES } from './schema';

const HOUR_MS = 3_600_000;
/** ClickHouse error codes that mean "the query was too expensive" (Unkey: 422). */
const RESOURCE_CODES = new Set([158, 159, 241, 396]);

export class AnalyticsQuota {
  private readonly used = new Map<string, { window: number; count: number }>();

  /** Counts one query; returns ms until the window resets when the quota is already used up. */
  take(workspaceId: string, limit: number, clock: number = Date.now()): { ok: true; remaining: number } | { ok: false; resetMs: number } {
    const window = Math.floor(clock / HOUR_MS);
    const entry = this.used.get(workspaceId);
    const current = entry && entry.window === window ? entry : { window, count: 0 };
    if (current.count >= limit) return { ok: false, resetMs: (window + 1) * HOUR_MS - clock };
    current.count += 1;
    this.used.set(workspaceId, current);
    return { ok: true, remaining: limit - current.count };
  }

  reset(): void {
    this.used.clear();
  }
}

export async function handleV2Verifications(
  context: UnkeyContext,
  quota: AnalyticsQuota,
  request: EmulatorRequest,
): Promise<EmulatorResponse> {
  const requestId = context.nextRequestId();
  const rootKey = context.rootKeys.find(request.headers);
  if (!rootKey) return v2Error(401, 'The provided root key is invalid. The requested key was not found.', requestId);
  let query: unknown;
  try {
    query = (JSON.parse(request.body) as { query?: unknown } | null)?.query;
  } catch {
    return v2Error(400, 'The request body is not valid JSON.', requestId, { errors: [{ location: 'body', message: 'invalid JSON' }] });
  }
  if (typeof query !== 'string' || query.trim() === '') {
    return v2Error(400, "POST request body for '/v2/analytics.getVerifications' failed to validate schema", requestId, {
      errors: [{ location: 'body.query', message: 'expected a non-empty string' }],
    });
  }
  if (!holdsAny(rootKey, ['api.*.read_analytics'])) {
    return v2Error(403, 'Missing one of these permissions: [api.*.read_analytics]', requestId);
  }
  const limit = context.settings.analyticsQueriesPerHour;
  const taken = quota.take(rootKey.workspaceId, limit);
  if (!taken.ok) {
    const seconds = String(Math.ceil(taken.resetMs / 1000));
    return v2Error(429, `Analytics query quota of ${limit} queries per hour exceeded for this workspace.`, requestId, {
      headers: { 'retry-after': seconds, 'ratelimit-limit': String(limit), 'ratelimit-remaining': '0', 'ratelimit-reset': seconds },
    });
  }

  const workspaceId = rootKey.workspaceId;
  const guarded = guardQuery(query, {
    workspaceId,
    resolveApiId: (apiId) => findApi(context, workspaceId, apiId)?.keySpaceId,
    resolveExternalId: (externalId) => findIdentity(context, workspaceId, { externalId })?.id,
    retentionDays: context.settings.retentionDays,
    now: context.now,
    maxRows: context.settings.maxRows,
  });
  if (!guarded.ok) return v2Error(guarded.status, guarded.detail, requestId, { title: guarded.title });

  try {
    const result = await context.store.query<Record<string, unknown>>(
      `${guarded.sql}\nSETTINGS readonly = 2, max_execution_time = 10, output_format_json_quote_64bit_integers = 0`,
    );
    const dateColumns = result.meta.filter((column) => /^(Nullable\()?(LowCardinality\()?Date/.test(column.type)).map((column) => column.name);
    const data = dateColumns.length === 0 ? result.rows : result.rows.map((row) => withRfc3339(row, dateColumns));
    return json(200, { meta: { requestId }, data });
  } catch (error) {
    const code = (error as { clickhouseCode?: unknown }).clickhouseCode;
    const detail = clickhouseMessage(error);
    if (typeof code === 'number' && RESOURCE_CODES.has(code)) {
      return v2Error(422, `Query exceeds resource limits: ${detail}`, requestId, {
        title: 'Unprocessable Entity',
        type: 'https://unkey.com/docs/errors/user/unprocessable_entity/query_resource_limit_exceeded',
      });
    }
    if (typeof code === 'number') {
      return v2Error(400, `Invalid SQL query: ${detail}`, requestId, {
        type: 'https://unkey.com/docs/errors/user/bad_request/invalid_analytics_query',
        errors: [{ location: 'body.query', message: detail }],
      });
    }
    return v2Error(500, 'The analytics query could not be run.', requestId);
  }
}

function withRfc3339(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out = { ...row };
  for (const column of columns) {
    const value = out[column];
    if (typeof value === 'string') out[column] = rfc3339(value);
  }
  return out;
}

/** "2025-01-12 09:00:00.120" → "2025-01-12T09:00:00.12Z" (Go's RFC3339Nano drops trailing zeros). */
function rfc3339(text: string): string {
  const [date = '', time = '00:00:00'] = text.split(' ');
  const [clock = '00:00:00', fraction = ''] = time.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${date}T${clock}${trimmed ? `.${trimmed}` : ''}Z`;
}

/** ClickHouse's own words, first line, with the real table names put back to the public aliases. */
function clickhouseMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let text = (raw.split('DB::Exception: ').pop() ?? raw).split('\n')[0] ?? raw;
  // What follows " in scope" is the rewritten query: it names the real tables and the workspace filter.
  text = text.split(' in scope ')[0] ?? text;
  text = text.replace(/\s*\([A-Z_]+\)\s*(\(version[^)]*\))?\.?\s*$/, '');
  for (const [alias, table] of Object.entries(PUBLIC_TABLES)) text = text.split(table).join(alias);
  return text;
}
