// Cryptolens Web API log state codes (CL:model/WebAPILog): four digits; the first two name the method,
// the third says success (1) or failure (2), the fourth is an optional detail. Codes outside that
// scheme decode to "Unknown (code)": a new code from the vendor must never break a view.
import type { EventDescription, EventOutcome } from '../model-activity';

/** Digits 1–2 → method, as the vendor's WebAPILog model lists them. */
export const STATE_METHODS: Readonly<Record<number, string>> = {
  10: 'Validate',
  20: 'Activate',
  30: 'CreateKey',
  40: 'Optional field',
  50: 'None',
  60: 'Deactivate',
  70: 'License change',
  80: 'Data object',
};

const OUTCOMES: Readonly<Record<number, EventOutcome>> = { 1: 'succeeded', 2: 'failed' };

export function describeEvent(state: number): EventDescription {
  const method = Number.isInteger(state) && state >= 1000 && state <= 9999 ? STATE_METHODS[Math.floor(state / 100)] : undefined;
  if (method === undefined) return { code: state, method: 'Unknown', outcome: 'unknown', label: `Unknown (${String(state)})` };
  const outcome = OUTCOMES[Math.floor(state / 10) % 10] ?? 'unknown';
  // A third digit other than 1 or 2 is outside the scheme: say which code it was.
  const label = outcome === 'unknown' ? `${method} · unknown outcome (${state})` : `${method} · ${outcome}`;
  return { code: state, method, outcome, detail: state % 10, label };
}
