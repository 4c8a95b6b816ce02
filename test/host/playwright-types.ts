// playwright-core is installed in test/host/node_modules only (kept out of the root install), so
// code outside test/host takes its types from here.
export type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
