// Phase: the fault matrix, one check per row, with its figures.
import { VENDOR_NAMES, type VendorId } from '../../../src/vendor-id';
import type { Probe } from '../faults/exercise';
import { VENDORS, type RowResult } from '../faults/matrix';
import { healthyCycle, runMatrix, type MatrixLogs } from '../faults/run-matrix';
import type { Report } from '../report';
import type { Session } from '../session';

function describeRow(row: RowResult): string {
  const said = row.messages.tree || row.messages.lookup || row.messages.panel;
  return `${row.requests} requests (healthy ${row.healthyRequests}), ${row.retries} retries (max ${row.maxRetryAttempt} per call), ${row.seconds.toFixed(1)} s${said ? ` — "${said.slice(0, 90)}"` : ''}`;
}

export async function faultPhase(session: Session, probes: Record<VendorId, Probe>, logs: MatrixLogs, report: Report): Promise<RowResult[]> {
  report.section('fault matrix (vendor × fault: tree, hover, lookup, panel; then one Refresh)');
  const healthy = await healthyCycle(session, probes);
  report.check('healthy cycle before the matrix', healthy.problems, VENDORS.map((vendor) => `${VENDOR_NAMES[vendor]} ${healthy.requests[vendor]} requests`).join(', '));
  const rows = await runMatrix(session, probes, logs, healthy.requests, (row) => {
    report.check(`${VENDOR_NAMES[row.vendor]} × ${row.kind}`, row.problems, describeRow(row));
  });
  const survived = rows.filter((row) => row.survived).length;
  const retries = rows.reduce((sum, row) => sum + row.retries, 0);
  const maxAttempt = Math.max(0, ...rows.map((row) => row.maxRetryAttempt));
  report.figure(`fault rows survived: ${survived}/${rows.length}; retries made: ${retries} (at most ${maxAttempt} for one call)`);
  return rows;
}
