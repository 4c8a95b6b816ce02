// Cryptolens reads its parameters from a form body or a query string, names case-insensitively.
import type { EmulatorRequest } from '../vendor';

export interface ReceivedParams {
  /** Lower-cased name → first value; the form body is read before the query string. */
  values: Map<string, string>;
  bodyNames: string[];
  queryNames: string[];
}

export function readParams(request: EmulatorRequest): ReceivedParams {
  const values = new Map<string, string>();
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  const body =
    request.method.toUpperCase() === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(request.body)
      : new URLSearchParams();
  const take = (params: URLSearchParams): string[] => {
    const names: string[] = [];
    for (const [name, value] of params) {
      names.push(name);
      const lower = name.toLowerCase();
      if (!values.has(lower)) values.set(lower, value);
    }
    return names;
  };
  const bodyNames = take(body);
  const queryNames = take(request.query);
  return { values, bodyNames, queryNames };
}

/** Empty counts as absent, as ASP.NET binds an empty value to null. */
export function text(params: ReceivedParams, name: string): string | undefined {
  const value = params.values.get(name.toLowerCase());
  return value === undefined || value === '' ? undefined : value;
}

/** undefined when absent, null when present but not a .NET Int32. */
export function int32(params: ReceivedParams, name: string): number | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^[+-]?\d{1,10}$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return number >= -2_147_483_648 && number <= 2_147_483_647 ? number : null;
}

/** Start of the UTC day written yyyy-MM-dd, in Unix seconds; null when not a real date in that form. */
export function day(params: ReceivedParams, name: string): number | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, date);
  const real = year >= 1 && time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === date;
  return real ? Math.floor(time.getTime() / 1000) : null;
}
