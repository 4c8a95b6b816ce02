// The one message protocol between the Analytics panel's webview and the extension host, imported
// by both sides. Either side may send a request; each request gets exactly one response with its id.
// Everything received is parsed with these schemas first: what does not fit is rejected, not guessed.
import * as z from 'zod/mini';
import { OUTCOMES } from '../vendors/model';
import { CRYPTOLENS_STATUSES, RUNTYPE_STATUSES, UNKEY_STATUSES } from '../health/status';
import { panelScopeSchema, snapshotSchema } from './protocol-data';
import { dailyParamsSchema, dailyResultSchema, eventsParamsSchema, eventsResultSchema, verificationsParamsSchema, verificationsResultSchema } from './protocol-activity';

export const PANEL_VIEW_TYPE = 'keyscope.analytics';

export const GRANULARITIES = ['hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const BREAKDOWNS = ['key', 'identity', 'tag', 'tags'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** A year of hourly slices (leap year included) is the largest series the panel asks for. */
export const MAX_SLICES = 366 * 24;
const SLICE_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000, month: 28 * 86_400_000 };

const text = (max = 2_000) => z.string().check(z.maxLength(max));
const count = z.int().check(z.minimum(0));
const millis = z.int().check(z.minimum(0), z.maximum(8.64e15));
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

export const outcomeCountsSchema = z.strictObject({
  ...(Object.fromEntries(OUTCOMES.map((outcome) => [outcome, count])) as Record<(typeof OUTCOMES)[number], typeof count>),
  total: count,
});

/**
 * A key's status word (issue 13) and its reason, computed by the host's health rules (src/health/),
 * one vendor's words each. Absent when it could not be told (e.g. a token without GetKeys).
 */
const statusSchemaFields = <T extends readonly [string, ...string[]]>(words: T) => ({ status: z.optional(z.enum(words)), statusReason: z.optional(text(1_000)) });

/** Each vendor's status words, in priority order: the panel's Status filter offers these. */
export const STATUS_WORDS = { cryptolens: CRYPTOLENS_STATUSES, unkey: UNKEY_STATUSES, runtype: RUNTYPE_STATUSES } as const;

const rangeSchema = z.strictObject({ start: millis, end: millis, granularity: z.enum(GRANULARITIES) }).check(
  z.refine((range) => range.start < range.end, 'start must be before end'),
  z.refine((range) => (range.end - range.start) / SLICE_MS[range.granularity] <= MAX_SLICES, `a range holds at most ${MAX_SLICES} slices`),
);

// --- Results ------------------------------------------------------------------------------------

const seriesResult = z.strictObject({
  slices: list(z.strictObject({ time: millis, outcomes: outcomeCountsSchema }), MAX_SLICES + 2),
});

const breakdownResult = z.strictObject({
  statusNote: z.optional(text(1_000)),
  rows: list(
    z.strictObject({
      /** The key id, identity id, tag, or the tags joined (for tag combinations). */
      id: text(),
      label: text(),
      outcomes: outcomeCountsSchema,
      /** Grouped by key only: that key's status. */
      ...statusSchemaFields(UNKEY_STATUSES),
    }),
    10_000,
  ),
});

export const licenseKeyRowSchema = z.strictObject({
  licenseKeyId: count,
  /** Absent when the key no longer exists at the vendor. */
  key: z.optional(text(500)),
  requests: count,
  successful: count,
  failed: count,
  firstSeen: z.optional(millis),
  lastSeen: z.optional(millis),
  /** Absent when devices were not counted for this key. */
  devices: z.optional(count),
  counters: z.record(text(100), count),
  ...statusSchemaFields(CRYPTOLENS_STATUSES),
});

export const deviceRowSchema = z.strictObject({
  deviceId: count,
  machineCode: text(500),
  requests: count,
  firstSeen: millis,
  lastSeen: millis,
});

/** Present when a read stopped at keyscope.cryptolens.maxScanKeys: the rows are the first this many. */
const scanLimit = z.optional(z.int().check(z.minimum(1)));
/** Why some or all rows have no status, or what the status could not take into account. */
const statusNote = z.optional(text(1_000));
const productResult = z.strictObject({ keys: list(licenseKeyRowSchema, 1_000_000), scanLimit, statusNote });
const keyResult = z.strictObject({ key: z.nullable(licenseKeyRowSchema), devices: list(deviceRowSchema, 1_000_000), scanLimit });

export const runtypeKeyRowSchema = z.strictObject({
  id: text(500),
  name: z.optional(text(500)),
  prefix: z.optional(text(500)),
  active: z.boolean(),
  lastUsedAt: z.optional(millis),
  ...statusSchemaFields(RUNTYPE_STATUSES),
});

const runtypeResult = z.strictObject({
  totalKeys: count,
  activeKeys: count,
  expiredKeys: count,
  asOf: millis,
  keys: list(runtypeKeyRowSchema, 100_000),
});

const unkeyVersionSchema = z.enum(['v1', 'v2']);
/** The Unkey API version the host speaks, as the webview learns it (ranges depend on it). */
export type UnkeyApiVersion = z.infer<typeof unkeyVersionSchema>;
const initResult = z.strictObject({ scope: panelScopeSchema, title: text(), unkeyVersion: unkeyVersionSchema });
const exportResult = z.strictObject({ saved: z.boolean() });
const empty = z.strictObject({});

/** What the webview may ask the host: params and result schema per method. */
export const hostMethods = {
  /** The panel's scope and title; the first request a webview sends. */
  init: { params: empty, result: initResult },
  /** Verification outcomes per time slice. */
  'unkey.series': { params: rangeSchema, result: seriesResult },
  /** Outcomes per key, identity, tag or tag combination over a range, the largest totals first. */
  'unkey.breakdown': {
    params: z.strictObject({ range: rangeSchema, by: z.enum(BREAKDOWNS), limit: z.int().check(z.minimum(2), z.maximum(1_000)) }),
    result: breakdownResult,
  },
  /** Every license key of the product with its lifetime totals and device count. */
  'cryptolens.product': { params: empty, result: productResult },
  /** One license key and its devices. */
  'cryptolens.key': { params: empty, result: keyResult },
  'runtype.summary': { params: empty, result: runtypeResult },
  /** The product's requests per UTC day over a range (issue 14). */
  'cryptolens.daily': { params: dailyParamsSchema, result: dailyResultSchema },
  /** A page of the key's Web API log, newest first; `before` pages back. */
  'cryptolens.events': { params: eventsParamsSchema, result: eventsResultSchema },
  /** A page of the Unkey key's recent verifications, newest first (v2 only). */
  'unkey.recent': { params: verificationsParamsSchema, result: verificationsResultSchema },
  /** Forgets the cached answers of this panel's vendor, so the next loads ask the vendor again. */
  refresh: { params: empty, result: empty },
  /** Forgets only the failures remembered for this panel's vendor: a card's Retry asks again. */
  retry: { params: empty, result: empty },
  /** Asks where to save, then writes what the panel shows. */
  export: { params: z.strictObject({ format: z.enum(['csv', 'json']), snapshot: snapshotSchema }), result: exportResult },
  /** Opens (or reveals) the panel of another scope, e.g. one key picked in a table. */
  open: { params: z.strictObject({ scope: panelScopeSchema }), result: empty },
  /**
   * Exactly what the panel shows now, sent after every change (data, legend, sort), so that
   * "Keyscope: Export Usage…" exports it even while the panel is hidden and its webview torn down.
   */
  shown: { params: z.strictObject({ snapshot: snapshotSchema }), result: empty },
} as const;

/**
 * What the host may ask the webview. The channel carries requests both ways (Endpoint), but a hidden
 * webview is torn down, so the host never depends on it answering.
 */
export const webviewMethods = {
  /** "Keyscope: Refresh" ran (the cache is cleared): load again, keeping range, grouping and selections. */
  reload: { params: empty, result: empty },
} as const;

export type HostMethod = keyof typeof hostMethods;
export type Params<M extends HostMethod> = z.infer<(typeof hostMethods)[M]['params']>;
export type Result<M extends HostMethod> = z.infer<(typeof hostMethods)[M]['result']>;

// --- Envelopes ----------------------------------------------------------------------------------

const requestId = z.int().check(z.positive());

type AnySchema = z.core.$ZodType;

const responseSchema = z.union([
  z.strictObject({ kind: z.literal('response'), id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ kind: z.literal('response'), id: requestId, ok: z.literal(false), error: z.strictObject({ message: text(4_000) }) }),
]);
export type ResponseMessage = z.infer<typeof responseSchema>;

export type RequestTo<T extends Record<string, { params: AnySchema }>> = {
  [M in keyof T & string]: { kind: 'request'; id: number; method: M; params: z.infer<T[M]['params']> };
}[keyof T & string];

/**
 * The host's answer to a request the webview has not sent yet but will (its first loads): sent while
 * the webview is still loading, so the first chart waits for no round trip (issue 16). It answers
 * only the webview's first request with exactly this method and params; the webview still asks,
 * and uses whichever comes first. Checked against the method's schemas like any answer.
 */
export type PreloadTo<T extends Record<string, { params: AnySchema; result: AnySchema }>> = {
  [M in keyof T & string]: { kind: 'preload'; method: M; params: z.infer<T[M]['params']>; result: z.infer<T[M]['result']> };
}[keyof T & string];

/** Messages the webview sends: requests to the host, and responses to the host's requests. */
export type WebviewToHost = RequestTo<typeof hostMethods> | ResponseMessage;
/** Messages the host sends: responses to the webview's requests, requests to the webview, and preloaded answers. */
export type HostToWebview = RequestTo<typeof webviewMethods> | ResponseMessage | PreloadTo<typeof hostMethods>;

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string; id: number | undefined };

type MethodParams = Record<string, { params: AnySchema }>;

const requestEnvelope = z.strictObject({ kind: z.literal('request'), id: requestId, method: z.string().check(z.maxLength(100)), params: z.unknown() });
const preloadEnvelope = z.strictObject({ kind: z.literal('preload'), method: z.string().check(z.maxLength(100)), params: z.unknown(), result: z.unknown() });

/**
 * In two steps, so an error names what is wrong with *this* request: first the envelope (kind, id,
 * a known method, no extra fields), then the params against that method's schema.
 */
function parseMessage<T>(methods: MethodParams, raw: unknown): Parsed<T> {
  const fail = (issues: z.core.$ZodError, prefix: PropertyKey[] = []): Parsed<T> => ({ ok: false, error: describeIssues(issues, prefix), id: requestIdOf(raw) });
  if (typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).kind === 'response') {
    const response = z.safeParse(responseSchema, raw);
    return response.success ? { ok: true, message: response.data as T } : fail(response.error);
  }
  const envelope = z.safeParse(requestEnvelope, raw);
  if (!envelope.success) return fail(envelope.error);
  const schema = Object.hasOwn(methods, envelope.data.method) ? methods[envelope.data.method]?.params : undefined;
  if (!schema) return { ok: false, error: 'malformed message at method: not a known method', id: envelope.data.id };
  const params = z.safeParse(schema, envelope.data.params);
  if (!params.success) return fail(params.error, ['params']);
  return { ok: true, message: { ...envelope.data, params: params.data } as T };
}

/** Checks a message from the webview; a malformed request still yields its id, so it can be answered. */
export function parseWebviewMessage(raw: unknown): Parsed<WebviewToHost> {
  return parseMessage(hostMethods, raw);
}

export function parseHostMessage(raw: unknown): Parsed<HostToWebview> {
  if (typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).kind === 'preload') return parsePreload(raw);
  return parseMessage(webviewMethods, raw);
}

/** A preloaded answer: a known host method, its params and its result, each checked against its schema. */
function parsePreload(raw: unknown): Parsed<HostToWebview> {
  const fail = (issues: z.core.$ZodError, prefix: PropertyKey[] = []): Parsed<HostToWebview> => ({ ok: false, error: describeIssues(issues, prefix), id: undefined });
  const envelope = z.safeParse(preloadEnvelope, raw);
  if (!envelope.success) return fail(envelope.error);
  const method = envelope.data.method;
  const schemas = Object.hasOwn(hostMethods, method) ? hostMethods[method as HostMethod] : undefined;
  if (!schemas) return { ok: false, error: 'malformed message at method: not a known method', id: undefined };
  const params = z.safeParse(schemas.params as AnySchema, envelope.data.params);
  if (!params.success) return fail(params.error, ['params']);
  const result = z.safeParse(schemas.result as AnySchema, envelope.data.result);
  if (!result.success) return fail(result.error, ['result']);
  return { ok: true, message: { kind: 'preload', method, params: params.data, result: result.data } as HostToWebview };
}

/** The id of something that claims to be a request, to answer it with an error. */
function requestIdOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  return record.kind === 'request' && z.safeParse(requestId, record.id).success ? (record.id as number) : undefined;
}

function describeIssues(error: z.core.$ZodError, prefix: PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed message';
  // A union reports "no branch matched"; the branch that got deepest says what was wrong.
  const deepest = issue.code === 'invalid_union' ? (issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0] ?? issue) : issue;
  const path = [...prefix, ...issue.path, ...(deepest === issue ? [] : deepest.path)].map(String).join('.');
  return `malformed message${path ? ` at ${path}` : ''}: ${whatIsWrong(deepest)}`;
}

/** zod/mini carries no message texts (no locale is loaded): say it from the issue itself. */
function whatIsWrong(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `more than ${String(issue.maximum)}`;
    case 'too_small':
      return `less than ${String(issue.minimum)}`;
    case 'invalid_value':
      return 'not an allowed value';
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'matches no known message';
    default:
      return issue.message;
  }
}

export function parseResult<M extends HostMethod>(method: M, raw: unknown): { success: true; data: Result<M> } | { success: false } {
  const parsed = z.safeParse(hostMethods[method].result as AnySchema, raw);
  return parsed.success ? { success: true, data: parsed.data as Result<M> } : { success: false };
}
