// Parameter forms the Web API log method takes beyond the ones params.ts reads: 64-bit ids (the SDKs
// type log ids `long`), a JSON list of state codes (the .NET SDK sends List<short> as "[3010,2010]"),
// booleans as ASP.NET binds them, and the deprecated OrderBy.
import { text, type ReceivedParams } from './params';

/** undefined when absent, null when present but not a .NET Int64 (a JS safe integer here). */
export function int64(params: ReceivedParams, name: string): number | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^[+-]?\d{1,16}$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) ? number : null;
}

/** "[3010,2010]" → [3010, 2010]; each a .NET short. undefined when absent, null when malformed. */
export function shortList(params: ReceivedParams, name: string): number[] | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  if (!/^\s*\[\s*(?:[+-]?\d{1,5}\s*(?:,\s*[+-]?\d{1,5}\s*)*)?\]\s*$/.test(value)) return null;
  const list = (value.match(/[+-]?\d+/g) ?? []).map(Number);
  return list.every((code) => code >= -32_768 && code <= 32_767) ? list : null;
}

/** "true"/"false" in any case; undefined when absent, null otherwise. */
export function bool(params: ReceivedParams, name: string): boolean | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

export interface LogOrder {
  descending: boolean;
}

/** "Id" or "Time", optionally followed by " descending" (or " ascending"); undefined when absent, null otherwise. */
export function orderBy(params: ReceivedParams, name: string): LogOrder | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const match = /^\s*(id|time)(?:\s+(ascending|descending))?\s*$/i.exec(value);
  return match ? { descending: match[2]?.toLowerCase() === 'descending' } : null;
}
