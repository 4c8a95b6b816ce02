// What each vendor's key ids look like: one set of patterns for every view, so a hover (finding ids
// in source code) and a lookup (reading a pasted value) never disagree about what an id is. Pure.

export type IdKind = 'cryptolens-key' | 'unkey-key' | 'unkey-api' | 'runtype-id' | 'runtype-prefix';

export interface IdCandidate {
  kind: IdKind;
  text: string;
  /** UTF-16 offsets in the text that was scanned, end exclusive. */
  start: number;
  end: number;
}

/** An id's own characters, and the characters that may not touch it in running text. */
interface IdPattern {
  body: string;
  edge: string;
}

const WORD = '[A-Za-z0-9_]';
const DASHED_WORD = '[A-Za-z0-9_-]';

// In the order a value is tried and same-start candidates are listed.
const PATTERNS: ReadonlyArray<readonly [IdKind, IdPattern]> = [
  // Cryptolens license keys are four dash-joined groups of capital letters (the vendor's default
  // "XXXXX-XXXXX-XXXXX-XXXXX"; the API pages write "AAAA-BBBB-CCCC-DDDD"). Digits are allowed in a
  // group, but at least one letter overall keeps number sequences ("1234-5678-…") out.
  ['cryptolens-key', { body: '(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{4,8}(?:-[A-Z0-9]{4,8}){3}', edge: DASHED_WORD }],
  // Unkey ids are a prefix and a random base58 tail ("key_2zeYsLbpULnEUsvYeFGMeJzACp4j"). The tail
  // must hold a digit or capital, so identifiers such as key_foreignkeys are not taken for ids.
  ['unkey-key', { body: 'key_(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{8,64}', edge: WORD }],
  // API ids are only ever matched against the configured list, so any tail will do ("api_123").
  ['unkey-api', { body: 'api_[A-Za-z0-9]{1,64}', edge: WORD }],
  // Runtype key ids are UUIDs; its key prefixes are "runtype_1234", "rt_live_…", "rt_test_…" and a
  // full key starts with one. Unknown UUIDs (request ids, GUIDs…) are dropped by the key-list check.
  ['runtype-id', { body: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', edge: DASHED_WORD }],
  ['runtype-prefix', { body: '(?:runtype|rt_live|rt_test)_[A-Za-z0-9]{4,128}', edge: WORD }],
];

const WHOLE = new Map(PATTERNS.map(([kind, { body }]) => [kind, new RegExp(`^(?:${body})$`)]));
const IN_TEXT = PATTERNS.map(([kind, { body, edge }]) => [kind, new RegExp(`(?<!${edge})(?:${body})(?!${edge})`, 'g')] as const);

/** Whether all of `value` is an id of this kind. */
export function isId(kind: IdKind, value: string): boolean {
  return WHOLE.get(kind)?.test(value) ?? false;
}

/** Lines longer than this (minified code, data blobs) are not scanned: hovers there cost nothing. */
export const MAX_LINE_LENGTH = 20_000;

/** Every candidate in `text`, in order of position. */
export function findIds(text: string): IdCandidate[] {
  if (text.length > MAX_LINE_LENGTH) return [];
  const found: IdCandidate[] = [];
  for (const [kind, pattern] of IN_TEXT) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      found.push({ kind, text: match[0], start, end: start + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The candidate under `offset` (a cursor between two characters touches both). */
export function findIdAt(line: string, offset: number): IdCandidate | undefined {
  return findIds(line).find((candidate) => offset >= candidate.start && offset <= candidate.end);
}
