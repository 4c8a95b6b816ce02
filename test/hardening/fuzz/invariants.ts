// What must hold for anything a vendor client returns, whatever the vendor sent: every number finite,
// every count non-negative, every time one the views can print (formatTime must not throw).
import { formatCount, formatTime } from '../../../src/text/format';
import { OUTCOMES } from '../../../src/vendors/model';

const TIME_FIELDS = new Set(['time', 'firstSeen', 'lastSeen', 'createdAt', 'expiresAt', 'lastUsedAt', 'asOf']);
const MAX_DATE_MS = 8.64e15;
const COUNT_FIELDS = new Set<string>([
  'totalRequests',
  'successful',
  'failed',
  'total',
  'totalKeys',
  'activeKeys',
  'expiredKeys',
  ...OUTCOMES,
]);

/** Problems found in a client's result, each naming the field path and value. */
export function outputProblems(result: unknown): string[] {
  const problems: string[] = [];
  const stack: [string, string, unknown][] = [['result', '', result]];
  while (stack.length > 0 && problems.length < 5) {
    const [path, key, value] = stack.pop() as [string, string, unknown];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
      else if (COUNT_FIELDS.has(key) && value < 0) problems.push(`${path} is a negative count: ${value}`);
      // Every view prints times through a Date (formatTime, the export's ISO text, the panel's axes).
      if (TIME_FIELDS.has(key) && Math.abs(value) > MAX_DATE_MS) problems.push(`${path} = ${value} is outside what a Date can hold`);
      if (TIME_FIELDS.has(key)) tryRender(problems, path, value, formatTime);
      if (COUNT_FIELDS.has(key)) tryRender(problems, path, value, formatCount);
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) {
        stack.push([Array.isArray(value) ? `${path}[${childKey}]` : `${path}.${childKey}`, Array.isArray(value) ? key : childKey, child]);
      }
    } else if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      problems.push(`${path} is a ${typeof value}`);
    }
  }
  return problems;
}

function tryRender(problems: string[], path: string, value: number, render: (value: number) => string): void {
  try {
    render(value);
  } catch (error) {
    problems.push(`${render.name}(${path} = ${value}) throws ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** Keys a hostile `__proto__` or `constructor.prototype` payload would have added to every object. */
export function prototypePollution(): string[] {
  const probe: Record<string, unknown> = {};
  return ['polluted', 'a', 'k0'].filter((name) => probe[name] !== undefined);
}
