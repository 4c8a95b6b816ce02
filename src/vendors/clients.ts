// The vendor clients and their schemas as one bundle of their own (dist/vendors.js, see
// scripts/lazy-bundles.mjs): required with the first vendor call, not at activation.
export { CryptolensClient } from './cryptolens/client';
export { RuntypeClient } from './runtype/client';
export { createUnkeyClient } from './unkey/factory';
