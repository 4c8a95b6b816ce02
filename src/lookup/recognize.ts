// What a pasted or typed value is, for "Look Up Key Usage…". Pure: checked as the user types.
import * as l10n from '@vscode/l10n';
import { isId } from '../vendors/key-ids';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';

export type LookupTarget =
  | { vendor: 'cryptolens'; kind: 'key'; key: string }
  | { vendor: 'cryptolens'; kind: 'key-id'; keyId: number }
  | { vendor: 'cryptolens'; kind: 'machine-code'; machineCode: string }
  | { vendor: 'unkey'; kind: 'key-id'; keyId: string }
  | { vendor: 'unkey'; kind: 'api'; apiId: string }
  | { vendor: 'runtype'; kind: 'key-id'; keyId: string }
  | { vendor: 'runtype'; kind: 'prefix'; prefix: string };

const CRYPTOLENS_KEY_ID = /^#?([1-9]\d{0,9})$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
/** Key ids are .NET Int32 at Cryptolens. */
const MAX_KEY_ID = 2_147_483_647;
const MAX_MACHINE_CODE = 256;

/** The vendor and kind a value unmistakably has, or undefined when the user must pick a vendor. */
export function recognize(raw: string): LookupTarget | undefined {
  const value = raw.trim();
  if (isId('cryptolens-key', value)) return { vendor: 'cryptolens', kind: 'key', key: value };
  if (isId('unkey-key', value)) return { vendor: 'unkey', kind: 'key-id', keyId: value };
  if (isId('unkey-api', value)) return { vendor: 'unkey', kind: 'api', apiId: value };
  if (isId('runtype-prefix', value)) return { vendor: 'runtype', kind: 'prefix', prefix: value };
  if (isId('runtype-id', value)) return { vendor: 'runtype', kind: 'key-id', keyId: value.toLowerCase() };
  const keyId = cryptolensKeyId(value);
  if (keyId !== undefined) return { vendor: 'cryptolens', kind: 'key-id', keyId };
  // The SDKs' default machine code is a SHA-256 in hex.
  if (SHA256_HEX.test(value)) return { vendor: 'cryptolens', kind: 'machine-code', machineCode: value };
  return undefined;
}

/** The value read as `vendor` would take it, or a message saying what that vendor expects. */
export function parseFor(vendor: VendorId, raw: string): LookupTarget | { error: string } {
  const value = raw.trim();
  if (value === '') return { error: l10n.t('Enter {0}.', expected(vendor)) };
  switch (vendor) {
    case 'cryptolens': {
      if (isId('cryptolens-key', value)) return { vendor, kind: 'key', key: value };
      const keyId = cryptolensKeyId(value);
      if (keyId !== undefined) return { vendor, kind: 'key-id', keyId };
      // Anything else is a machine code: the vendor normalizes it (controls removed, trimmed, cut to 256, uppercased).
      if (/\p{Cc}/u.test(value)) return { error: l10n.t('A machine code cannot contain control characters.') };
      if (value.length > MAX_MACHINE_CODE) return { error: l10n.t('A machine code has at most {0} characters.', MAX_MACHINE_CODE) };
      return { vendor, kind: 'machine-code', machineCode: value };
    }
    case 'unkey':
      if (isId('unkey-key', value)) return { vendor, kind: 'key-id', keyId: value };
      if (isId('unkey-api', value)) return { vendor, kind: 'api', apiId: value };
      return { error: l10n.t('An Unkey key id starts with key_ (e.g. key_2zeYsLbpULnEUsvYeFGMeJzACp4j), an API id with api_.') };
    case 'runtype':
      if (isId('runtype-id', value)) return { vendor, kind: 'key-id', keyId: value.toLowerCase() };
      if (isId('runtype-prefix', value)) return { vendor, kind: 'prefix', prefix: value };
      return { error: l10n.t('A Runtype key id is a UUID; a key prefix starts with runtype_, rt_live_ or rt_test_.') };
  }
}

/** What a vendor's lookup takes, as "Enter …." ends. */
export function expected(vendor: VendorId): string {
  switch (vendor) {
    case 'cryptolens':
      return l10n.t('a license key string (AAAAA-BBBBB-CCCCC-DDDDD), a key id or a machine code');
    case 'unkey':
      return l10n.t('an Unkey key id (key_…) or API id (api_…)');
    case 'runtype':
      return l10n.t('a Runtype key id (a UUID) or key prefix (runtype_…, rt_live_…, rt_test_…)');
  }
}

/** "Cryptolens license key", "Unkey key id"… for the QuickPick. */
export function describeTarget(target: LookupTarget): string {
  const name = VENDOR_NAMES[target.vendor];
  switch (target.kind) {
    case 'key':
      return l10n.t('{0} license key', name);
    case 'key-id':
      return l10n.t('{0} key id', name);
    case 'machine-code':
      return l10n.t('{0} machine code', name);
    case 'api':
      return l10n.t('{0} API id', name);
    case 'prefix':
      return l10n.t('{0} key prefix', name);
  }
}

/** The value a target was read from, as it will be sent. */
export function targetValue(target: LookupTarget): string {
  switch (target.kind) {
    case 'key':
      return target.key;
    case 'key-id':
      return String(target.keyId);
    case 'machine-code':
      return target.machineCode;
    case 'api':
      return target.apiId;
    case 'prefix':
      return target.prefix;
  }
}

function cryptolensKeyId(value: string): number | undefined {
  const match = CRYPTOLENS_KEY_ID.exec(value);
  if (!match) return undefined;
  const id = Number(match[1]);
  return id <= MAX_KEY_ID ? id : undefined;
}
