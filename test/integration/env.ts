// Environment variables through which a runner talks to the suite inside the extension host
// (code-server and VS Code both hand their own environment on to the extension host).
export const testEnv = {
  /** Where the suite writes its SuiteResults JSON. */
  resultsFile: 'KEYSCOPE_TEST_RESULTS',
  /** The user-data dir of the VS Code under test, to look for leaked tokens in its logs and settings. */
  userDataDir: 'KEYSCOPE_TEST_USER_DATA_DIR',
  /** The opened workspace folder. */
  workspaceDir: 'KEYSCOPE_TEST_WORKSPACE',
  /**
   * A file holding the running vendor emulator's config line (JSON); user settings already point
   * Keyscope at it. A file, not the value, so the emulator can start while VS Code does.
   */
  emulatorFile: 'KEYSCOPE_TEST_EMULATOR_FILE',
} as const;
