// Its own module (a shared module in the build, scripts/lazy-bundles.mjs): the lookup bundle tells it
// apart with instanceof from errors the usage service in dist/extension.js throws.
import * as l10n from '@vscode/l10n';
import type { VendorId } from '../vendor-id';

/** Thrown when a view asks for a vendor that has no token; views show the welcome instead. */
export class NoTokenError extends Error {
  constructor(readonly vendor: VendorId) {
    super(l10n.t('No {0} token is set.', vendor));
    this.name = 'NoTokenError';
  }
}
