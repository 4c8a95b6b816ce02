// The runners' own check, once VS Code has exited and flushed every log: no token the suite could
// have stored is in any log or settings file.
import { filesContaining, filesToScan } from './leak-scan';
import { recordFailure, recordPass, type SuiteResults } from './results';

export function checkNoLeakAfterShutdown(results: SuiteResults, userDataDir: string, workspaceDir: string, secrets: string[]): void {
  const title = 'after shutdown: no token is in a log file or a settings file';
  const files = filesToScan(userDataDir, [workspaceDir]);
  const leaks = secrets.flatMap((secret) => filesContaining(files, secret));
  if (leaks.length === 0) recordPass(results, title, 0);
  else recordFailure(results, title, `a token was found in: ${[...new Set(leaks)].join(', ')}`);
}
