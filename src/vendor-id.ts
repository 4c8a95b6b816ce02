// Which vendors Keyscope knows and what they are called. The bottom of the import graph: the HTTP
// layer names a vendor in its errors, so this imports nothing.

export const VENDOR_IDS = ['cryptolens', 'unkey', 'runtype'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export const VENDOR_NAMES: Readonly<Record<VendorId, string>> = {
  cryptolens: 'Cryptolens',
  unkey: 'Unkey',
  runtype: 'Runtype',
};

export function isVendorId(value: unknown): value is VendorId {
  return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
}
