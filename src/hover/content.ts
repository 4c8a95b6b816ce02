// A hover's Markdown, built from KeyFacts. Pure (no VS Code import), so its escaping is unit-tested:
// every vendor string goes through markdownText, and the only link is Keyscope's own command.
import { formatCount, formatRate, formatTime } from '../text/format';
import { markdownText } from '../text/untrusted';
import type { KeyFacts } from '../usage/key-facts';
import { OUTCOMES, type KeyReference } from '../vendors/model';
import { VENDOR_NAMES } from '../vendor-id';
import { COMMANDS } from '../command-ids';

export const OPEN_ANALYTICS_COMMAND = COMMANDS.openAnalytics;

/**
 * `command:` URI with JSON arguments. encodeURIComponent leaves `( ) ! ' * ~` alone, and a `)` from
 * vendor data would end the Markdown link early; those are percent-encoded too.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}

export function openAnalyticsLink(reference: KeyReference): string {
  return `[Open in Keyscope Analytics](${commandUri(OPEN_ANALYTICS_COMMAND, [reference])})`;
}

/** Markdown for what stops a hover from showing data, e.g. "Unkey: rate limited, try again after 14:05 UTC". */
export function noticeMarkdown(text: string): string {
  return `**Keyscope** — ${markdownText(text, 300)}`;
}

/** Markdown for one or more keys; separated by rules when a string names keys in several products. */
export function hoverMarkdown(facts: readonly KeyFacts[]): string {
  return facts.map(keyMarkdown).join('\n\n---\n\n');
}

function keyMarkdown(facts: KeyFacts): string {
  const lines: string[] = [];
  const status = facts.health ? ` — **${markdownText(facts.health.status, 40)}**: ${markdownText(facts.health.reason, 200)}` : '';
  lines.push(`**${VENDOR_NAMES[facts.vendor]}** ${facts.kind} **${markdownText(facts.title, 120)}**${status}`);
  const details = facts.details.map(([label, value]) => `${label} ${markdownText(value, 120)}`);
  if (facts.state) details.push(facts.state);
  if (details.length > 0) lines.push(details.join(' · '));
  const { totals } = facts;
  if (totals) {
    lines.push(`Requests (${totals.period}): **${formatCount(totals.total)}** — ${formatCount(totals.successful)} successful, ${formatCount(totals.failed)} failed`);
    if (totals.outcomes) {
      const outcomes = totals.outcomes;
      const parts = OUTCOMES.filter((outcome) => outcomes[outcome] > 0).map((outcome) => `${outcome} ${formatCount(outcomes[outcome])}`);
      if (parts.length > 0) lines.push(`By outcome: ${parts.join(' · ')}`);
    }
    lines.push(`Success rate: ${formatRate(totals.successful, totals.total)}`);
  }
  if (facts.devices) lines.push(`Devices: ${formatCount(facts.devices.count)}${facts.devices.more ? '+' : ''}`);
  if (facts.firstSeen !== undefined) lines.push(`First seen: ${formatTime(facts.firstSeen)}`);
  if (facts.vendor === 'runtype') lines.push(`Last used: ${formatTime(facts.lastSeen)}`);
  else if (facts.lastSeen !== undefined) lines.push(`Last seen: ${formatTime(facts.lastSeen)}`);
  if (facts.health?.caveat) lines.push(`_${markdownText(facts.health.caveat, 300)}_`);
  if (facts.note) lines.push(`_${facts.note}_`);
  lines.push(openAnalyticsLink(facts.reference));
  // Two trailing spaces: a line break inside one paragraph.
  return lines.join('  \n');
}
