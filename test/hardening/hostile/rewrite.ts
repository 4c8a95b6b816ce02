// Which strings of each vendor answer a person reads, and the hostile text they get instead. Ids,
// numbers and times stay as they are, so the answers still fit together (keys, totals, paging).
import {
  HOSTILE_BIDI,
  HOSTILE_COMMAND_LINK,
  HOSTILE_CONTROL,
  HOSTILE_IMG,
  HOSTILE_LONE_SURROGATES,
  HOSTILE_LONG,
  HOSTILE_SCRIPT,
  HOSTILE_WEB_LINK,
} from '../fuzz/hostile-strings';

/** A token Keyscope can be given that every vendor answers with a hostile error message. */
export const HOSTILE_ERROR_TOKEN = 'hostile-vendor-error-token-7d1f';

/** The error message a hostile vendor sends back: a command link, markup, script, bidi. */
export const HOSTILE_MESSAGE = `${HOSTILE_COMMAND_LINK} ${HOSTILE_IMG} ${HOSTILE_SCRIPT} ${HOSTILE_BIDI} ${HOSTILE_WEB_LINK}`;

/** The display strings, in the order rows receive them. */
export const HOSTILE_NAMES: readonly string[] = [
  HOSTILE_SCRIPT,
  HOSTILE_IMG,
  HOSTILE_COMMAND_LINK,
  `${HOSTILE_WEB_LINK} **bold** $(alert)`,
  `[x](command:workbench.action.quit) ${HOSTILE_BIDI}`,
  HOSTILE_LONG,
  HOSTILE_LONE_SURROGATES,
  HOSTILE_CONTROL,
  `=cmd|' /C calc'!A0 ${HOSTILE_IMG}`,
];

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rows(body: unknown, field: string): Json[] {
  const list = isRecord(body) ? body[field] : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

function hostile(row: Json, index: number, fields: readonly string[]): void {
  fields.forEach((field, offset) => {
    if (typeof row[field] === 'string' && row[field] !== '') row[field] = HOSTILE_NAMES[(index + offset) % HOSTILE_NAMES.length];
  });
  const identity = row.identity;
  if (isRecord(identity) && typeof identity.externalId === 'string') identity.externalId = HOSTILE_NAMES[(index + 2) % HOSTILE_NAMES.length];
}

/** The answer with hostile display strings, or undefined when this path has none. */
export function rewriteAnswer(path: string, body: unknown): unknown {
  const route = (path.split('?')[0] ?? '').toLowerCase();
  if (isRecord(body) && typeof body.result === 'number' && body.result !== 0) return { ...body, message: HOSTILE_MESSAGE };
  if (route.endsWith('/ai/getkeyusagesummaries')) rows(body, 'summaries').forEach((row, i) => hostile(row, i, ['key']));
  else if (route.endsWith('/ai/getkeydevices')) rows(body, 'devices').forEach((row, i) => hostile(row, i, ['machineCode']));
  else if (route.endsWith('/v1/apis.listkeys')) rows(body, 'keys').forEach((row, i) => hostile(row, i, ['name', 'start']));
  else if (route.endsWith('/v2/apis.listkeys')) rows(body, 'data').forEach((row, i) => hostile(row, i, ['name', 'start']));
  else if (route.endsWith('/v2/analytics.getverifications')) rows(body, 'data').forEach((row, i) => hostileVerification(row, i));
  else if (route.endsWith('/v1/analytics.getverifications') && Array.isArray(body)) body.filter(isRecord).forEach((row, i) => hostileVerification(row, i));
  else if (route.endsWith('/v1/api-keys')) rows(body, 'apiKeys').forEach((row, i) => hostile(row, i, ['name', 'keyPrefix']));
  else if (route.endsWith('/v1/api-keys/analytics') && isRecord(body) && isRecord(body.analytics)) rows(body.analytics, 'keyBreakdown').forEach((row, i) => hostile(row, i, ['name', 'keyPrefix']));
  else return undefined;
  return body;
}

function hostileVerification(row: Json, index: number): void {
  hostile(row, index, ['tag', 'external_id']);
  if (Array.isArray(row.tags)) row.tags = row.tags.map((_, offset) => HOSTILE_NAMES[(index + offset) % HOSTILE_NAMES.length]);
}

/** A vendor-shaped error carrying HOSTILE_MESSAGE, for a request made with HOSTILE_ERROR_TOKEN. */
export function hostileError(path: string): { status: number; body: unknown } {
  if (path.startsWith('/cryptolens/')) return { status: 200, body: { result: 1, message: HOSTILE_MESSAGE } };
  if (path.startsWith('/unkey/v1/')) return { status: 403, body: { error: { code: 'UNAUTHORIZED', message: HOSTILE_MESSAGE, docs: HOSTILE_WEB_LINK, requestId: 'req_hostile' } } };
  if (path.startsWith('/unkey/')) return { status: 401, body: { meta: { requestId: 'req_hostile' }, error: { title: 'Unauthorized', detail: HOSTILE_MESSAGE, status: 401, type: HOSTILE_WEB_LINK } } };
  return { status: 401, body: { error: HOSTILE_MESSAGE } };
}
