// Which key statuses the Problems panel lists, and how: pure, so the rules are unit-tested. A key that
// does not work now (Disabled, Expired, Deleted, Blocked, Inactive) is a Warning; one worth a look
// before it bites (Expires soon, Low credits, Seats full, Rate limited) is Information; the rest
// (Active, Elevated rejections) are not listed.
import * as l10n from '@vscode/l10n';
import { keyListCaveat } from '../health/cryptolens-health';
import { ATTENTION_STATUSES, BAD_STATUSES, statusText, type KeyHealth, type KeyStatus } from '../health/status';
import { kindText, type KeyFacts } from '../usage/key-facts';
import { findIds, type IdCandidate } from '../vendors/key-ids';
import { VENDOR_NAMES } from '../vendor-id';
import { plainText } from '../text/untrusted';

export type ProblemSeverity = 'warning' | 'information';

/** Distinct ids looked at per document: a generated file full of ids costs no more than this. */
export const MAX_IDS_PER_DOCUMENT = 50;
/** Lines read per document. */
export const MAX_LINES_PER_DOCUMENT = 5_000;

export function problemSeverity(status: KeyStatus): ProblemSeverity | undefined {
  if (BAD_STATUSES.has(status)) return 'warning';
  if (ATTENTION_STATUSES.has(status)) return 'information';
  return undefined;
}

/**
 * A date read from a Cryptolens key list alone: whether the product enforces it only key/GetKey tells
 * (a hover over many keys of a product reads the list), so it is no Problem on its own.
 */
export function restsOnKeyListDate(health: KeyHealth): boolean {
  return health.caveat === keyListCaveat() && (health.status === 'Expired' || health.status === 'Expires soon');
}

/** "Expired: Unkey key key_123 — expired 3 days ago". `idText` is the id as the document has it. */
export function problemMessage(facts: Pick<KeyFacts, 'vendor' | 'kind'>, idText: string, health: KeyHealth): string {
  return l10n.t('{0}: {1} {2} {3} — {4}', statusText(health.status), VENDOR_NAMES[facts.vendor], kindText(facts.kind), plainText(idText, 120), plainText(health.reason, 200));
}

export interface IdOccurrence {
  line: number;
  candidate: IdCandidate;
}

/**
 * The key ids in a document's lines that health applies to (not Unkey API ids), at most
 * MAX_IDS_PER_DOCUMENT distinct ones, each with every place it occurs.
 */
export function keyIdOccurrences(lines: readonly string[]): Map<string, IdOccurrence[]> {
  const byId = new Map<string, IdOccurrence[]>();
  const count = Math.min(lines.length, MAX_LINES_PER_DOCUMENT);
  for (let line = 0; line < count; line++) {
    for (const candidate of findIds(lines[line] ?? '')) {
      if (candidate.kind === 'unkey-api') continue;
      const id = `${candidate.kind}:${candidate.text}`;
      const list = byId.get(id);
      if (list) list.push({ line, candidate });
      else if (byId.size < MAX_IDS_PER_DOCUMENT) byId.set(id, [{ line, candidate }]);
    }
  }
  return byId;
}
