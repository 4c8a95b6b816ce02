// Vendor and workspace text is untrusted: it reaches labels, tooltips, hovers, notifications, errors
// and the webview only through here.

/**
 * Characters that make text read differently than it is, or hide part of it: zero-width characters
 * and joiners, bidi marks, embeddings, overrides and isolates, the BOM and invisible operators, and
 * Unicode tag characters (U+E0000–E007F, which can smuggle a second, unseen text). Removed outright.
 */
export const INVISIBLE_CHARACTERS = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;
// C0/C1 controls and line/paragraph separators: each run becomes one space, so text stays one line.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Unpaired surrogates (invalid UTF-16) render as garbage or break encoders downstream.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Plain, single-line, bounded text for a tree label, a QuickPick, a tooltip or an error message. */
export function plainText(text: string, maxLength = 200): string {
  const clean = text.replace(INVISIBLE_CHARACTERS, '').replace(LINE_BREAKING, ' ').replace(LONE_SURROGATE, '\ufffd').trim();
  if (clean.length <= maxLength) return clean;
  // Never cut between the two halves of a surrogate pair: that would leave invalid UTF-16.
  const cut = /[\ud800-\udbff]/.test(clean.charAt(maxLength - 2)) ? maxLength - 2 : maxLength - 1;
  return `${clean.slice(0, cut)}…`;
}

/** Plain text made inert inside Markdown: no links, no HTML, no emphasis, no command URIs. */
export function markdownText(text: string, maxLength = 200): string {
  return plainText(text, maxLength).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (ch) => `\\${ch}`);
}

/**
 * Untrusted text inside a notification (showErrorMessage…), where VS Code turns `[label](command:…)`
 * and `[label](https://…)` into links: plain text, with every `](` broken so no link can form.
 */
export function notificationText(text: string, maxLength = 500): string {
  return plainText(text, maxLength).replace(/\]\(/g, '] (');
}
