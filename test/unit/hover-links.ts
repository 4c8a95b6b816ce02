// What a Markdown renderer would turn into links or HTML, for checking hovers built from vendor text.

/** Markdown with every backslash escape blanked out: what is left of [ ] < > and URLs is markup. */
export function unescaped(markdown: string): string {
  return markdown.replace(/\\[\s\S]/g, '\u0000\u0000');
}

/** The link targets a CommonMark/GFM renderer would make of `markdown`: inline links, autolinks, bare URLs. */
export function linkTargets(markdown: string): string[] {
  const text = unescaped(markdown);
  const targets: string[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]*)\)/g)) {
    const start = match.index + 2;
    targets.push(markdown.slice(start, start + (match[1]?.length ?? 0)));
  }
  for (const match of text.matchAll(/<[^>\s]*>/g)) targets.push(match[0]);
  for (const match of text.matchAll(/\b(?:https?:\/\/|www\.)\S+/gi)) targets.push(match[0]);
  return targets;
}

/** The arguments of a `command:` link target, decoded as VS Code decodes them. */
export function commandArguments(target: string): unknown {
  const query = target.slice(target.indexOf('?') + 1);
  return JSON.parse(decodeURIComponent(query)) as unknown;
}
