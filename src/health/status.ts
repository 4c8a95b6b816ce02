// The status words a key's health is told in, per vendor (public surface: spelled exactly so), and
// the result every rule returns. Words are listed in priority order: when several hold, the first wins.
import * as l10n from '@vscode/l10n';

export const UNKEY_STATUSES = ['Disabled', 'Expired', 'Low credits', 'Rate limited', 'Expires soon', 'Elevated rejections', 'Active'] as const;
export type UnkeyStatus = (typeof UNKEY_STATUSES)[number];

export const CRYPTOLENS_STATUSES = ['Deleted', 'Blocked', 'Expired', 'Seats full', 'Expires soon', 'Active'] as const;
export type CryptolensStatus = (typeof CRYPTOLENS_STATUSES)[number];

export const RUNTYPE_STATUSES = ['Inactive', 'Expired', 'Expires soon', 'Active'] as const;
export type RuntypeStatus = (typeof RUNTYPE_STATUSES)[number];

export type KeyStatus = UnkeyStatus | CryptolensStatus | RuntypeStatus;

export interface KeyHealth<S extends KeyStatus = KeyStatus> {
  status: S;
  /** Why, in plain words for people: "expired 3 days ago", "3 of 3 seats used". */
  reason: string;
  /** The other words that also hold, in priority order (a dashboard's "+N"). */
  others: readonly S[];
  /**
   * What the status could not take into account, said once in plain words, e.g. that a key list does
   * not tell whether a license is blocked. Absent when nothing was left out.
   */
  caveat?: string;
}

/** Statuses that mean the key does not work now (Problems: Warning; an error icon in the tree). */
export const BAD_STATUSES: ReadonlySet<KeyStatus> = new Set<KeyStatus>(['Disabled', 'Expired', 'Deleted', 'Blocked', 'Inactive']);
/** Statuses worth a look before they bite (Problems: Information; a warning icon in the tree). */
export const ATTENTION_STATUSES: ReadonlySet<KeyStatus> = new Set<KeyStatus>(['Expires soon', 'Low credits', 'Seats full', 'Rate limited']);

/** A status word as people read it, in the display language (the words above are its English). */
export function statusText(status: KeyStatus): string {
  switch (status) {
    case 'Disabled':
      return l10n.t('Disabled');
    case 'Expired':
      return l10n.t('Expired');
    case 'Low credits':
      return l10n.t('Low credits');
    case 'Rate limited':
      return l10n.t('Rate limited');
    case 'Expires soon':
      return l10n.t('Expires soon');
    case 'Elevated rejections':
      return l10n.t('Elevated rejections');
    case 'Active':
      return l10n.t('Active');
    case 'Deleted':
      return l10n.t('Deleted');
    case 'Blocked':
      return l10n.t('Blocked');
    case 'Seats full':
      return l10n.t('Seats full');
    case 'Inactive':
      return l10n.t('Inactive');
  }
}

/** The first word that holds wins; the rest become `others`. `holds` is in priority order already. */
export function pick<S extends KeyStatus>(holds: ReadonlyArray<{ status: S; reason: string }>, fallback: { status: S; reason: string }): KeyHealth<S> {
  const [first, ...rest] = holds;
  if (first === undefined) return { status: fallback.status, reason: fallback.reason, others: [] };
  return { status: first.status, reason: first.reason, others: rest.map((hold) => hold.status) };
}
