import type { VendorId } from '../vendor-id';

/**
 * The settings that decide where a token is sent. Application-scoped in package.json (and restricted
 * in untrusted workspaces), and read from user and default values only (src/config.ts): a workspace
 * or folder never chooses where a token goes, even in a host that would apply its value.
 */
export const TOKEN_DESTINATION_SETTINGS = [
  'keyscope.cryptolens.baseUrl',
  'keyscope.unkey.apiVersion',
  'keyscope.unkey.baseUrl',
  'keyscope.runtype.baseUrl',
] as const;
export type TokenDestinationSetting = (typeof TOKEN_DESTINATION_SETTINGS)[number];

/** Which setting holds each vendor's base URL (for error messages and "review the setting"). */
export const BASE_URL_SETTING: Readonly<Record<VendorId, TokenDestinationSetting>> = {
  cryptolens: 'keyscope.cryptolens.baseUrl',
  unkey: 'keyscope.unkey.baseUrl',
  runtype: 'keyscope.runtype.baseUrl',
};
