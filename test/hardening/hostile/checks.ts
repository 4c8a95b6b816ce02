// What "inert" means, checked on what the running extension produced (tree items, hover Markdown) and
// on what the workbench rendered (DOM): text only, one line where a line is expected, no bidi
// controls or broken UTF-16, no HTML, no links but Keyscope's own command.
import type { Frame, Page } from '../../host/playwright-types';
import { SCRIPT_MARKER } from '../fuzz/hostile-strings';
import type { HoverResult, TreeRow } from '../agent/protocol';

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Commands a tree row may run: Keyscope's own, with ids, and the settings link of the Unkey root. */
const TREE_COMMANDS = new Set(['keyscope.tree.retry', 'keyscope.tree.loadMore', 'workbench.action.openSettings']);
export const OPEN_ANALYTICS = 'keyscope.openAnalytics';

function textProblems(where: string, text: string, maxLength: number, lines: 'one' | 'many'): string[] {
  const problems: string[] = [];
  if (text.length > maxLength) problems.push(`${where} is ${text.length} characters long`);
  if (lines === 'one' && /[\r\n]/.test(text)) problems.push(`${where} spans lines`);
  if (CONTROLS.test(text)) problems.push(`${where} holds a control character`);
  if (BIDI.test(text)) problems.push(`${where} holds a bidi control`);
  if (LONE_SURROGATE.test(text)) problems.push(`${where} holds a lone surrogate`);
  return problems;
}

export function treeProblems(rows: readonly TreeRow[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const where = `tree row ${JSON.stringify(row.id.slice(0, 60))}`;
    problems.push(...textProblems(`${where} label`, row.label, 300, 'one'), ...textProblems(`${where} description`, row.description, 600, 'one'));
    if (typeof row.tooltip === 'string') problems.push(...textProblems(`${where} tooltip`, row.tooltip, 4_000, 'many'));
    else if (row.tooltip) problems.push(...markdownProblems(`${where} tooltip`, row.tooltip));
    if (row.command && !TREE_COMMANDS.has(row.command.command)) problems.push(`${where} runs ${row.command.command}`);
  }
  return problems;
}

/** Link targets in Markdown: `](target)` and `<scheme:…>` autolinks, after escapes are taken out. */
function linkTargets(markdown: string): string[] {
  const bare = markdown.replace(/\\[\s\S]/g, '');
  return [...bare.matchAll(/\]\(([^)\s]*)/g), ...bare.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)].map((match) => match[1] ?? '');
}

export function markdownProblems(where: string, content: { markdown: string; isTrusted: unknown; supportHtml: boolean }): string[] {
  const problems: string[] = [];
  if (content.supportHtml) problems.push(`${where} renders HTML`);
  const trusted = content.isTrusted;
  const commands = typeof trusted === 'object' && trusted !== null ? (trusted as { enabledCommands?: unknown }).enabledCommands : undefined;
  if (trusted === true) problems.push(`${where} trusts every command`);
  else if (Array.isArray(commands) && commands.some((command) => command !== OPEN_ANALYTICS)) problems.push(`${where} trusts ${JSON.stringify(commands)}`);
  for (const target of linkTargets(content.markdown)) {
    if (!target.startsWith(`command:${OPEN_ANALYTICS}?`)) problems.push(`${where} links to ${JSON.stringify(target.slice(0, 80))}`);
  }
  const bare = content.markdown.replace(/\\[\s\S]/g, '');
  if (/<[a-z!/]/i.test(bare)) problems.push(`${where} holds raw markup`);
  if (BIDI.test(content.markdown) || LONE_SURROGATE.test(content.markdown)) problems.push(`${where} holds bidi controls or a lone surrogate`);
  return problems;
}

export function hoverProblems(hover: HoverResult): string[] {
  return hover.contents.flatMap((content, index) => markdownProblems(`hover ${index}`, content));
}

/** Did any vendor string run as script in this frame? */
export async function scriptRan(frame: Frame): Promise<boolean> {
  return frame.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker] !== undefined, SCRIPT_MARKER).catch(() => false);
}

/**
 * Elements vendor text must never become inside `selector`: images, scripts, frames, and links other
 * than Keyscope's own command.
 */
export async function activeElements(frame: Frame | Page, selector: string, allowedLink: string | undefined): Promise<string[]> {
  return frame
    .locator(selector)
    .evaluateAll((roots, allowed) => {
      const found: string[] = [];
      for (const root of roots) {
        for (const element of Array.from(root.querySelectorAll('img, script, iframe, object, embed, a, [onerror], [onclick]'))) {
          const link = element.getAttribute('data-href') ?? element.getAttribute('href') ?? '';
          if (element.tagName === 'A' && allowed && link.startsWith(allowed)) continue;
          if (element.tagName === 'A' && link === '' && !element.hasAttribute('onclick')) continue;
          found.push(`<${element.tagName.toLowerCase()}${link ? ` ${link.slice(0, 80)}` : ''}>`);
        }
      }
      return found;
    }, allowedLink)
    .catch(() => []);
}
