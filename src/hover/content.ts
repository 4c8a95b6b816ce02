// A hover's Markdown, built from KeyFacts. Pure (no VS Code import), so its escaping is unit-tested:
// every vendor string goes through markdownText, and the only link is Keyscope's own command.
import * as l10n from '@vscode/l10n';
import { statusText } from '../health/status';
import { formatCount, formatRate, formatTime } from '../text/format';
import { markdownText } from '../text/untrusted';
import { kindText, type KeyFacts } from '../usage/key-facts';
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
  return `[${l10n.t('Open in Keyscope Analytics')}](${commandUri(OPEN_ANALYTICS_COMMAND, [reference])})`;
}

/** Markdown for what stops a hover from showing data, e.g. "Unkey: rate limited, try again after 14:05 UTC". */
export function noticeMarkdown(text: string): string {
  return l10n.t('**Keyscope** — {0}', markdownText(text, 300));
}

/** Markdown for one or more keys; separated by rules when a string names keys in several products. */
export function hoverMarkdown(facts: readonly KeyFacts[]): string {
  return facts.map(keyMarkdown).join('\n\n---\n\n');
}

function keyMarkdown(facts: KeyFacts): string {
  const lines: string[] = [];
  const heading = l10n.t('**{0}** {1} **{2}**', VENDOR_NAMES[facts.vendor], kindText(facts.kind), markdownText(facts.title, 120));
  lines.push(facts.health ? l10n.t('{0} — **{1}**: {2}', heading, markdownText(statusText(facts.health.status), 40), markdownText(facts.health.reason, 200)) : heading);
  const details = facts.details.map(([label, value]) => `${label} ${markdownText(value, 120)}`);
  if (facts.state) details.push(facts.state);
  if (details.length > 0) lines.push(details.join(' · '));
  const { totals } = facts;
  if (totals) {
    lines.push(l10n.t('Requests ({0}): **{1}** — {2} successful, {3} failed', totals.period, formatCount(totals.total), formatCount(totals.successful), formatCount(totals.failed)));
    if (totals.outcomes) {
      const outcomes = totals.outcomes;
      const parts = OUTCOMES.filter((outcome) => outcomes[outcome] > 0).map((outcome) => `${outcome} ${formatCount(outcomes[outcome])}`);
      if (parts.length > 0) lines.push(l10n.t('By outcome: {0}', parts.join(' · ')));
    }
    lines.push(l10n.t('Success rate: {0}', formatRate(totals.successful, totals.total)));
  }
  if (facts.devices) lines.push(l10n.t('Devices: {0}', `${formatCount(facts.devices.count)}${facts.devices.more ? '+' : ''}`));
  if (facts.firstSeen !== undefined) lines.push(l10n.t('First seen: {0}', formatTime(facts.firstSeen)));
  if (facts.vendor === 'runtype') lines.push(l10n.t('Last used: {0}', formatTime(facts.lastSeen)));
  else if (facts.lastSeen !== undefined) lines.push(l10n.t('Last seen: {0}', formatTime(facts.lastSeen)));
  if (facts.health?.caveat) lines.push(`_${markdownText(facts.health.caveat, 300)}_`);
  if (facts.note) lines.push(`_${facts.note}_`);
  lines.push(openAnalyticsLink(facts.reference));
  // Two trailing spaces: a line break inside one paragraph.
  return lines.join('  \n');
}
