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
        return page.items.length > 0 ? 'It can read usage analytics.' : 'It can read usage analytics (no usage recorded yet).';
      }
      case 'unkey': {
        const [apiId] = config().unkeyApiIds;
        if (apiId === undefined) return 'Add your API ids in the setting keyscope.unkey.apiIds to see their keys.';
        await (await clients.withToken('unkey', token)).client.listKeys({ apiId, limit: 1 });
        return `It can list the keys of ${apiId}.`;
      }
      case 'runtype': {
        const summary = await (await clients.withToken('runtype', token)).client.getAnalytics();
        return `It sees ${formatCount(summary.totalKeys)} keys.`;
      }
    }
  };
}
