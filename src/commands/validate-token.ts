import * as l10n from '@vscode/l10n';
import type { KeyscopeConfig } from '../config';
import { formatCount } from '../text/format';
import type { VendorClients } from '../usage/vendor-clients';
import type { VendorId } from '../vendor-id';
import type { TokenValidator } from './set-token';

/** One cheap call per vendor: it proves the token works and tells the user what it may see. */
export function createTokenValidator(clients: VendorClients, config: () => KeyscopeConfig): TokenValidator {
  return async (vendor: VendorId, token: string): Promise<string> => {
    switch (vendor) {
      case 'cryptolens': {
        const page = await (await clients.withToken('cryptolens', token)).client.getKeyUsageSummaries({ limit: 1 });
        return page.items.length > 0 ? l10n.t('It can read usage analytics.') : l10n.t('It can read usage analytics (no usage recorded yet).');
      }
      case 'unkey': {
        const [apiId] = config().unkeyApiIds;
        if (apiId === undefined) return l10n.t('Add your API ids in the setting {0} to see their keys.', 'keyscope.unkey.apiIds');
        await (await clients.withToken('unkey', token)).client.listKeys({ apiId, limit: 1 });
        return l10n.t('It can list the keys of {0}.', apiId);
      }
      case 'runtype': {
        const summary = await (await clients.withToken('runtype', token)).client.getAnalytics();
        return l10n.t('It sees {0} keys.', formatCount(summary.totalKeys));
      }
    }
  };
}
