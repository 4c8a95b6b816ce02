// Every command Keyscope contributes, named once: the code registers and runs them by these names, and
// a unit test checks that package.json declares exactly these. Imports nothing, so every layer may use it.
export const COMMANDS = {
  setToken: 'keyscope.setToken',
  removeToken: 'keyscope.removeToken',
  refresh: 'keyscope.refresh',
  lookupKey: 'keyscope.lookupKey',
  lookupKeyAtCursor: 'keyscope.lookupKeyAtCursor',
  openAnalytics: 'keyscope.openAnalytics',
  exportUsage: 'keyscope.exportUsage',
  copyId: 'keyscope.copyId',
  copyKey: 'keyscope.copyKey',
  revealInKeysView: 'keyscope.revealInKeysView',
  retry: 'keyscope.tree.retry',
  loadMore: 'keyscope.tree.loadMore',
  getStarted: 'keyscope.getStarted',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The commands a person finds in the command palette (the rest serve tree items and links). */
export const PUBLIC_COMMANDS: readonly CommandId[] = [
  COMMANDS.setToken,
  COMMANDS.removeToken,
  COMMANDS.refresh,
  COMMANDS.lookupKey,
  COMMANDS.lookupKeyAtCursor,
  COMMANDS.openAnalytics,
  COMMANDS.exportUsage,
  COMMANDS.getStarted,
];
