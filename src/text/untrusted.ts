// Vendor text is untrusted: it reaches labels, tooltips, hovers and the webview only through here.

// C0/C1 controls and the bidi overrides/isolates that can make text read differently than it is.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Unpaired surrogates (invalid UTF-16) render as garbage or break encoders downstream.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Plain, single-line, bounded text for a tree label, a QuickPick or a tooltip. */
export function plainText(text: string, maxLength = 200): string {
  const clean = text.replace(INVISIBLE, ' ').replace(LONE_SURROGATE, '\ufffd').trim();
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
 * Vendor text inside a notification (showErrorMessage…), where VS Code turns `[label](command:…)` and
 * `[label](https://…)` into links: plain text, with every `](` broken so no link can form.
 */
export function notificationText(text: string, maxLength = 500): string {
  return plainText(text, maxLength).replace(/\]\(/g, '] (');
}
