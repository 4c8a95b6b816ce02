// Panel scopes: what a command argument (tree node, hover link, lookup) asks to open, one key per
// scope so a second open reveals the panel that is already there.
import * as l10n from '@vscode/l10n';
import { plainText } from '../text/untrusted';
import { isVendorId, VENDOR_NAMES, type VendorId } from '../vendor-id';
import type { PanelScope } from './protocol-data';

/** The loose reference commands receive; every field is untrusted until checked here. */
export interface ScopeRequest {
  vendor: VendorId;
  scopeId?: string;
  keyId?: string;
  /** A Cryptolens device of the key: the panel's events are that machine code's. */
  machineCode?: string;
}

/**
 * A tree node (`.reference`), a KeyReference-like object `{vendor, scopeId?, keyId?}`, or undefined
 * when the argument is neither (the command then asks with QuickPicks).
 */
export function scopeRequestOf(argument: unknown): ScopeRequest | undefined {
  const candidate = isRecord(argument) && isRecord(argument.reference) ? argument.reference : argument;
  if (!isRecord(candidate) || !isVendorId(candidate.vendor)) return undefined;
  return {
    vendor: candidate.vendor,
    ...(idText(candidate.scopeId) !== undefined ? { scopeId: idText(candidate.scopeId) } : {}),
    ...(idText(candidate.keyId) !== undefined ? { keyId: idText(candidate.keyId) } : {}),
    ...(machineCodeText(candidate.machineCode) !== undefined ? { machineCode: machineCodeText(candidate.machineCode) } : {}),
  };
}

/** A Cryptolens product or key id: a non-negative integer, given as text or number. */
export function numericId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : undefined;
}

/** "Unkey · api_123 · key_456": the panel's tab title and heading. */
export function scopeTitle(scope: PanelScope): string {
  const parts: string[] = [VENDOR_NAMES[scope.vendor]];
  switch (scope.vendor) {
    case 'cryptolens':
      parts.push(l10n.t('Product {0}', scope.productId));
      if (scope.keyId !== undefined) parts.push(l10n.t('Key #{0}', scope.keyId));
      if (scope.machineCode !== undefined) parts.push(l10n.t('Device {0}', plainText(scope.machineCode, 24)));
      break;
    case 'unkey':
      parts.push(plainText(scope.apiId, 80));
      if (scope.keyId !== undefined) parts.push(plainText(scope.keyId, 80));
      break;
    case 'runtype':
      parts.push(scope.keyId !== undefined ? plainText(scope.keyId, 80) : l10n.t('All keys'));
      break;
  }
  return parts.join(' · ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A machine code as the log holds it: exact (not trimmed), at most 500 characters. */
function machineCodeText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 500 ? value : undefined;
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > 200 ? undefined : trimmed;
}
