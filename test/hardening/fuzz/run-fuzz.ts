// The fuzz loop: N deterministic cases per endpoint, each a mutated vendor answer (status, headers,
// body) handed to the real client through CannedHttp. A case passes when the client returns a result
// that keeps the output invariants, or rejects with a typed vendor error that carries no token.
import type { HttpResponse } from '../../../src/http/client';
import { HttpStatusError, ResponseFormatError, VendorError } from '../../../src/http/errors';
import { createRandom, type Random } from '../../emulator/random';
import { CannedHttp } from './canned-http';
import { outputProblems, prototypePollution } from './invariants';
import { mutateGently, mutateText, mutateValue } from './mutate';

export interface FuzzSeed {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** What the target needs to ask the question this answers (e.g. the query), handed to call(). */
  note?: unknown;
}

export interface FuzzTarget {
  /** "Cryptolens ai/GetKeyUsageSummaries" */
  name: string;
  /** Valid answers (seed pages, emulator) and vendor error envelopes to mutate. */
  seeds: readonly FuzzSeed[];
  /** Calls the real client, whose HttpClient is `http`; `random` varies the query. */
  call(http: CannedHttp, random: Random, note: unknown): Promise<unknown>;
  /** Tokens the client holds: no error may carry them. */
  secrets: readonly string[];
}

export interface FuzzFailure {
  problem: string;
  count: number;
  example: { case: number; status: number; body: string };
}

export interface FuzzReport {
  name: string;
  cases: number;
  resolved: number;
  typed: Record<string, number>;
  failures: FuzzFailure[];
  ms: number;
}

/** The only errors a client may raise for what a vendor sent. */
const TYPED = [ResponseFormatError, VendorError, HttpStatusError] as const;
const STATUSES = [200, 200, 201, 204, 301, 400, 401, 403, 404, 405, 409, 412, 422, 429, 500, 502, 503, 504, 599];
const RETRY_AFTER = ['1', '0', '-5', 'abc', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT', '', '1.5', 'Infinity'];
const MAX_MESSAGE = 1_000;

/** Seeds keep at most this many rows per list: enough to reach every mapper, cheap to mutate. */
const MAX_SEED_ROWS = 5;

function trimmed(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, MAX_SEED_ROWS).map(trimmed);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, trimmed(child)]));
  return value;
}

export async function runFuzz(original: FuzzTarget, cases: number, seed: number): Promise<FuzzReport> {
  const target: FuzzTarget = { ...original, seeds: original.seeds.map((item) => ({ ...item, body: trimmed(item.body) })) };
  const random = createRandom(seed);
  const http = new CannedHttp({ retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } });
  const report: FuzzReport = { name: target.name, cases, resolved: 0, typed: {}, failures: [], ms: 0 };
  const started = performance.now();
  try {
    for (let index = 0; index < cases; index++) {
      const { response, note } = buildResponse(target, random, index);
      http.response = response;
      const outcome = await runCase(target, http, random, note);
      if (outcome.kind === 'resolved') report.resolved += 1;
      else report.typed[outcome.kind] = (report.typed[outcome.kind] ?? 0) + 1;
      for (const problem of outcome.problems) record(report, problem, index, response);
      for (const key of prototypePollution()) record(report, `Object.prototype.${key} was polluted`, index, response);
    }
  } finally {
    await http.close();
  }
  report.ms = performance.now() - started;
  return report;
}

interface CaseOutcome {
  /** 'resolved', or the error's class name. */
  kind: string;
  problems: string[];
}

async function runCase(target: FuzzTarget, http: CannedHttp, random: Random, note: unknown): Promise<CaseOutcome> {
  let result: unknown;
  try {
    result = await target.call(http, random, note);
  } catch (error) {
    return { kind: error instanceof Error ? error.name : typeof error, problems: errorProblems(error, target.secrets) };
  }
  return { kind: 'resolved', problems: outputProblems(result) };
}

function errorProblems(error: unknown, secrets: readonly string[]): string[] {
  if (!TYPED.some((type) => error instanceof type)) {
    const what = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);
    const where = error instanceof Error ? (error.stack?.split('\n').find((line) => line.includes('/src/')) ?? '').trim() : '';
    return [`untyped ${what}${where ? ` ${where}` : ''}`];
  }
  const typed = error as Error & { detail?: string; vendorMessage?: string };
  const problems: string[] = [];
  const texts = [typed.message, typed.detail ?? '', typed.vendorMessage ?? ''];
  if (secrets.some((secret) => texts.some((text) => text.includes(secret)))) problems.push(`${typed.name} message carries the token`);
  if (typed.message.length > MAX_MESSAGE) problems.push(`${typed.name} message is ${typed.message.length} characters long (over ${MAX_MESSAGE})`);
  return problems;
}

function buildResponse(target: FuzzTarget, random: Random, index: number): { response: HttpResponse; note: unknown } {
  const answers = target.seeds.filter(isSuccess);
  const errors = target.seeds.filter((candidate) => !isSuccess(candidate));
  const seed = random.pick(errors.length === 0 || (answers.length > 0 && random.chance(0.7)) ? answers : errors);
  const ok = isSuccess(seed);
  const status = random.chance(ok ? 0.85 : 0.6) ? seed.status : random.pick(STATUSES);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...seed.headers };
  if (random.chance(0.2)) headers['retry-after'] = random.pick(RETRY_AFTER);
  // Every 20th case is the seed itself, so unmutated answers are covered too; a third of the rest
  // keep every field's kind (hostile text, extreme integers), so the mappers see them.
  const plain = index % 20 === 0;
  let body = plain ? seed.body : random.chance(0.45) ? mutateGently(seed.body, random) : mutateValue(seed.body, random);
  if (random.chance(0.15)) body = echoToken(body, random, target.secrets);
  let text = JSON.stringify(body) ?? '';
  if (!plain && random.chance(0.2)) text = mutateText(text, random);
  return { response: { status, headers, text, retries: 0 }, note: seed.note };
}

function isSuccess(seed: FuzzSeed): boolean {
  const body = typeof seed.body === 'object' && seed.body !== null ? (seed.body as Record<string, unknown>) : {};
  return seed.status >= 200 && seed.status < 300 && !('error' in body) && (body.result === undefined || body.result === 0);
}

/** Vendors echo what they were sent: put the token where error readers look for words. */
function echoToken(body: unknown, random: Random, secrets: readonly string[]): unknown {
  const secret = secrets[0];
  if (secret === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const words = random.pick([secret, `invalid token ${secret}`, `Bearer ${secret}`, `token=${secret}&x=1`]);
  const copy = { ...(body as Record<string, unknown>) };
  switch (random.int(0, 4)) {
    case 0:
      copy.message = words;
      break;
    case 1:
      copy.error = words;
      break;
    case 2:
      copy.error = { message: words, detail: words, title: words, code: 'X', errors: [{ message: words }] };
      break;
    case 3:
      copy.Message = words;
      copy.result = 1;
      break;
    default:
      copy.error = { title: 'Bad', detail: words, status: 400, type: words };
  }
  return copy;
}

/** Problems that differ only in row index or value are one bug. */
function signature(problem: string): string {
  return problem.replace(/\[\d+\]/g, '[]').replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, 'N');
}

function record(report: FuzzReport, problem: string, index: number, response: HttpResponse): void {
  const existing = report.failures.find((failure) => signature(failure.problem) === signature(problem));
  if (existing) {
    existing.count += 1;
    if (response.text.length < existing.example.body.length) {
      existing.problem = problem;
      existing.example = example(index, response);
    }
    return;
  }
  report.failures.push({ problem, count: 1, example: example(index, response) });
}

function example(index: number, response: HttpResponse): FuzzFailure['example'] {
  const body = response.text.length > 400 ? `${response.text.slice(0, 400)}… (${response.text.length} chars)` : response.text;
  return { case: index, status: response.status, body };
}

/** One line per endpoint for the suite's output, and the failures in full. */
export function describeReport(report: FuzzReport): string {
  const typed = Object.entries(report.typed)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const head = `fuzz ${report.name}: ${report.cases} cases — ${report.resolved} parsed, ${report.cases - report.resolved} rejected (${typed || 'none'}), ${report.failures.reduce((sum, f) => sum + f.count, 0)} failures in ${(report.ms / 1000).toFixed(1)} s`;
  const details = report.failures.map(
    (failure) => `  ✖ ${failure.problem} (${failure.count}×) e.g. case ${failure.example.case}, HTTP ${failure.example.status}, body ${JSON.stringify(failure.example.body)}`,
  );
  return [head, ...details].join('\n');
}
