// `npm run test:hardening`: hostile vendor data, the fault matrix and the secret scans, proven through
// Keyscope running in code-server (see README.md beside this file). Prints a figure per row and ends
// with "hardening: N passed, M failed".
import { runAllCleanups } from '../host/cleanup';
import { MATRIX_TIMEOUT_MS } from './faults/matrix';
import { LogTail } from './logs';
import { redirectingWorkspaceFiles, startRecorder } from '../host/recorder';
import { faultPhase } from './phases/faults';
import { hostilePhase, type Shown } from './phases/hostile';
import { scanLive, scanStopped } from './phases/secrets';
import { heard, trustPhase } from './phases/trust';
import { HOSTILE_ERROR_TOKEN } from './hostile/rewrite';
import { chooseProbes } from './probes';
import { Report } from './report';
import { buildForSession, openSession } from './session';
import { join } from 'node:path';

const only = new Set((process.env.KEYSCOPE_HARDENING_ONLY ?? 'trust,hostile,faults,secrets').split(','));

async function main(): Promise<void> {
  const started = Date.now();
  const report = new Report();
  await buildForSession();
  // The workspace of every phase tries to send the tokens to this recorder; it must hear nothing.
  const recorder = await startRecorder();
  const session = await openSession({ httpTimeoutMs: MATRIX_TIMEOUT_MS, workspaceFiles: () => redirectingWorkspaceFiles(recorder) });
  const shown: Shown = { texts: [] };
  session.usedToken(HOSTILE_ERROR_TOKEN);
  try {
    await session.setAllTokens();
    const probes = await chooseProbes(session);
    const logsDir = join(session.host.profile.userDataDir, 'logs');
    const logs = { exthost: new LogTail(logsDir, /^remoteexthost\.log$/), keyscope: new LogTail(logsDir, /^Keyscope\.log$/) };
    if (only.has('trust')) await trustPhase(session, probes, recorder, report);
    if (only.has('hostile')) await hostilePhase(session, probes, report, shown);
    if (only.has('faults')) {
      const rows = await faultPhase(session, probes, logs, report);
      shown.texts.push(...rows.flatMap((row) => [row.messages.tree, row.messages.lookup, row.messages.panel]));
    }
    report.check('over the whole run, the host the workspace named heard nothing', heard(recorder, session));
    if (only.has('secrets')) {
      report.section('secrets (every token used, everywhere text could land)');
      const live = await scanLive(session, shown.texts, report);
      await session.stop();
      scanStopped(session, live, report);
    }
  } catch (error) {
    report.check('the hardening run completes', [error instanceof Error ? (error.stack ?? error.message) : String(error)]);
  } finally {
    await session.close();
    await recorder.close();
  }
  report.summary((Date.now() - started) / 1000);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`hardening: could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stdout.write('hardening: 0 passed, 1 failed\n');
    process.exitCode = 1;
  })
  .finally(() => runAllCleanups());
