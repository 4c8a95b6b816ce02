// The panel's words. The host hands the webview VS Code's l10n bundle for the display language (the
// map vscode.l10n.t itself reads: English message → translation; none for English, whose messages are
// their own text) in the page, so even the first words drawn are translated; the webview gives it to
// @vscode/l10n, whose l10n.t its modules call. Checked like every message from the host.
import * as z from 'zod/mini';

/** More than Keyscope has messages, host and webview together, with room to grow. */
export const MAX_L10N_MESSAGES = 5_000;

export const l10nBundleSchema = z
  .record(z.string().check(z.maxLength(2_000)), z.string().check(z.maxLength(10_000)))
  .check(z.refine((bundle) => Object.keys(bundle).length <= MAX_L10N_MESSAGES, `more than ${MAX_L10N_MESSAGES} messages`));

export type L10nBundle = z.infer<typeof l10nBundleSchema>;

/** The bundle from its JSON text, or undefined when there is none or it is not a bundle (then English is shown). */
export function parseL10nBundle(json: string | undefined): L10nBundle | undefined {
  if (json === undefined || json === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = z.safeParse(l10nBundleSchema, raw);
  return parsed.success ? parsed.data : undefined;
}
