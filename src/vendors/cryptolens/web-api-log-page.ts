// GetWebAPILog entries → the vendor-neutral model: seconds become milliseconds, each state code is
// decoded, empty strings and zeros that mean "none" are left out, and an entry of another product or
// state than asked for is a malformed answer.
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import type { LicenseEvent } from '../model-activity';
import type { WebApiLogJson } from './activity-schemas';
import { toCursorPage, type CursorPage } from './paging';
import { describeEvent } from './state-code';
import type { PreparedLogQuery } from './web-api-log-query';

export function toWebApiLogPage(context: RequestContext, rows: readonly WebApiLogJson[], prepared: PreparedLogQuery): CursorPage<LicenseEvent> {
  const items = rows.map((row, index) => {
    if (prepared.productId !== undefined && row.productId !== prepared.productId) {
      throw new ResponseFormatError(context, `logs[${index}] is for product ${row.productId}, not the product asked for (${prepared.productId})`);
    }
    if (prepared.states !== undefined && !prepared.states.has(row.state)) {
      throw new ResponseFormatError(context, `logs[${index}] has state ${row.state}, which was not asked for`);
    }
    return toLicenseEvent(row);
  });
  return toCursorPage(context, items, (event) => event.eventId, prepared);
}

export function toLicenseEvent(row: WebApiLogJson): LicenseEvent {
  const event: LicenseEvent = {
    vendor: 'cryptolens',
    eventId: row.id,
    productId: row.productId,
    time: row.time * 1000,
    state: row.state,
    event: describeEvent(row.state),
  };
  if (row.key) event.key = row.key;
  if (row.machineCode) event.machineCode = row.machineCode;
  if (row.friendlyName) event.friendlyName = row.friendlyName;
  if (row.ip) event.ip = row.ip;
  if (row.floatingExpires) event.floatingExpires = row.floatingExpires * 1000;
  // The log sets DOId only on data-object requests; 0 means none.
  if (row.doId) event.dataObject = { id: row.doId, intValue: row.doIntValue ?? 0 };
  if (typeof row.isAnomaly === 'boolean') event.isAnomaly = row.isAnomaly;
  return event;
}
