// Cryptolens compares machine codes only after normalizing them (GetKeyDevices page, Remarks), so the
// client sends the normalized value: what the user typed and what the vendor matches are one string.

export const MACHINE_CODE_MAX_LENGTH = 256;

// Unicode category Cc: C0 and C1 controls and DEL, what .NET's char.IsControl reports.
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/**
 * Applies the four steps in the order the page lists them:
 * 1. control characters are removed: first, so a tab or newline inside padding cannot shield it from trimming;
 * 2. whitespace is trimmed: before truncating, so leading blanks do not use up the 256 characters;
 * 3. values longer than 256 characters (UTF-16 units, as .NET counts) are cut to 256;
 * 4. the value is uppercased: last, so a character that grows when uppercased (ß → SS) may leave
 *    the result longer than 256; the vendor stores it that way too.
 */
export function normalizeMachineCode(raw: string): string {
  return raw.replace(CONTROL_CHARACTERS, '').trim().slice(0, MACHINE_CODE_MAX_LENGTH).toUpperCase();
}
