// Activity answers for the panel (issue 14): a Cryptolens product's requests per UTC day, a Cryptolens
// key's recent Web API log events, an Unkey key's recent verifications. Read through the usage service
// (cached, cooldown-aware, aborted with the panel); vendor text is made plain and bounded here.
import { plainText } from '../text/untrusted';
import { customDayRange, presetDayRange, type DayRange } from '../vendors/cryptolens/day-range';
import type { KeyVerificationEvent, LicenseEvent } from '../vendors/model-activity';
import type { PanelUsage } from './panel-usage';
import type { DailyParams, LicenseEventRow, VerificationRow } from './protocol-activity';
import type { Params, Result } from './protocol';

/** The UTC days a daily request covers; throws InvalidDayRangeError with a message for the card. */
export function dailyRangeOf(params: DailyParams, now: number): DayRange {
  if (params.preset !== 'custom') return presetDayRange(params.preset, now);
  return customDayRange(params.start ?? '', params.end ?? '');
}

export async function cryptolensDaily(usage: PanelUsage, productId: number, params: DailyParams, now: number, signal?: AbortSignal): Promise<Result<'cryptolens.daily'>> {
  const range = dailyRangeOf(params, now);
  const points = await usage.dailyUsage(productId, range, signal);
  return {
    range: { start: range.start, end: range.end, days: range.days },
    points: points.map(({ date, successful, failed, total, activeKeys, activeDevices, activeCustomers }) => ({ date, successful, failed, total, activeKeys, activeDevices, activeCustomers })),
  };
}

export async function cryptolensEvents(
  usage: PanelUsage,
  productId: number,
  keyId: number,
  params: Params<'cryptolens.events'>,
  signal?: AbortSignal,
): Promise<Result<'cryptolens.events'>> {
  // The log is filtered by the key string; the account scan knows it (a deleted key has none).
  const scan = await usage.allLicenseKeys(signal);
  const key = scan.items.find((summary) => summary.productId === productId && summary.licenseKeyId === keyId)?.key;
  if (!key) return { events: [], available: false };
  const page = await usage.keyEventsPage(
    { productId, key, ...(params.machineCode !== undefined ? { machineCode: params.machineCode } : {}), ...(params.before !== undefined ? { before: params.before } : {}) },
    signal,
  );
  return { events: page.items.map(eventRow), ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}), available: true };
}

export async function unkeyRecent(usage: PanelUsage, keyId: string, params: Params<'unkey.recent'>, signal?: AbortSignal): Promise<Result<'unkey.recent'>> {
  const page = await usage.unkeyRecentVerifications(keyId, params.before, signal);
  return { rows: page.items.map(verificationRow), ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}) };
}

export function eventRow(event: LicenseEvent): LicenseEventRow {
  return {
    eventId: event.eventId,
    time: event.time,
    state: event.state,
    event: plainText(event.event.label, 200),
    method: plainText(event.event.method, 100),
    outcome: event.event.outcome,
    ...(event.machineCode !== undefined ? { machineCode: plainText(event.machineCode, 500) } : {}),
    ...(event.friendlyName !== undefined ? { friendlyName: plainText(event.friendlyName, 500) } : {}),
    ...(event.isAnomaly !== undefined ? { anomaly: event.isAnomaly } : {}),
  };
}

export function verificationRow(row: KeyVerificationEvent): VerificationRow {
  return {
    requestId: plainText(row.requestId, 300),
    time: row.time,
    outcome: plainText(row.outcomeCode, 100),
    region: plainText(row.region, 200),
    tags: row.tags.slice(0, 100).map((tag) => plainText(tag, 300)),
  };
}
