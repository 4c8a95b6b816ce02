// The vendor's machine-code normalization, written from the GetKeyDevices page on its own (not shared
// with the client, so a client mistake cannot hide behind the same mistake here).

/** Control characters removed, whitespace trimmed, cut to 256 characters, uppercased: the page's order. */
export function normalizeMachineCode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) continue;
    out += ch;
  }
  out = out.trim();
  if (out.length > 256) out = out.substring(0, 256);
  return out.toUpperCase();
}
