// Which strings in source code may be a vendor's key or id. Pure, so it is tested without VS Code.
// Recognition is only the first filter: a candidate shows a hover only when a vendor knows it.

export type IdKind = 'cryptolens-key' | 'unkey-key' | 'unkey-api' | 'runtype-id' | 'runtype-prefix';

export interface IdCandidate {
  kind: IdKind;
  text: string;
  /** UTF-16 offsets in the text that was scanned, end exclusive. */
  start: number;
  end: number;
}

// Cryptolens license keys are four dash-joined groups of capital letters (the vendor's default
// "XXXXX-XXXXX-XXXXX-XXXXX"; the API pages write "AAAA-BBBB-CCCC-DDDD"). Digits are allowed in a
// group, but at least one letter overall keeps number sequences ("1234-5678-…") out.
const CRYPTOLENS_KEY = /(?<![A-Za-z0-9_-])(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{4,8}(?:-[A-Z0-9]{4,8}){3}(?![A-Za-z0-9_-])/g;

// Unkey ids are a prefix and a random base58 tail ("key_2zeYsLbpULnEUsvYeFGMeJzACp4j"). The tail
// must hold a digit or capital, so identifiers such as key_foreignkeys are not taken for ids.
const UNKEY_KEY = /(?<![A-Za-z0-9_])key_(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{8,64}(?![A-Za-z0-9_])/g;
// API ids are only ever matched against the configured list, so any tail will do ("api_123").
const UNKEY_API = /(?<![A-Za-z0-9_])api_[A-Za-z0-9]{1,64}(?![A-Za-z0-9_])/g;

// Runtype key ids are UUIDs; its key prefixes are "runtype_1234", "rt_live_…", "rt_test_…" and a
// full key starts with one. Unknown UUIDs (request ids, GUIDs…) are dropped by the key-list check.
const UUID = /(?<![A-Za-z0-9_-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![A-Za-z0-9_-])/g;
const RUNTYPE_PREFIX = /(?<![A-Za-z0-9_])(?:runtype|rt_live|rt_test)_[A-Za-z0-9]{4,128}(?![A-Za-z0-9_])/g;

const PATTERNS: ReadonlyArray<readonly [IdKind, RegExp]> = [
  ['cryptolens-key', CRYPTOLENS_KEY],
  ['unkey-key', UNKEY_KEY],
  ['unkey-api', UNKEY_API],
  ['runtype-id', UUID],
  ['runtype-prefix', RUNTYPE_PREFIX],
];

/** Lines longer than this (minified code, data blobs) are not scanned: hovers there cost nothing. */
export const MAX_LINE_LENGTH = 20_000;

/** Every candidate in `text`, in order of position. */
export function findIds(text: string): IdCandidate[] {
  if (text.length > MAX_LINE_LENGTH) return [];
  const found: IdCandidate[] = [];
  for (const [kind, pattern] of PATTERNS) {
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
