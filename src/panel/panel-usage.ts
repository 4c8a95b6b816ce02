import type { UsageService } from '../usage/usage-service';

/** What the panel reads, all of it through the usage service (cached, shared with the tree). */
export type PanelUsage = Pick<
  UsageService,
  'allLicenseKeys' | 'productsWithCounts' | 'productLicenseKeys' | 'unkeyKeysById' | 'unkeyRecentByKey' | 'runtypeKeys' | 'dailyUsage' | 'keyEventsPage' | 'unkeyRecentVerifications' | 'keyDevices' | 'productDevices' | 'unkeyVerifications' | 'runtypeSummary' | 'clear' | 'forgetFailures' | 'checkCooldown'
>;
