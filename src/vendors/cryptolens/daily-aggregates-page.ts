// GetDailyAggregates rows → the vendor-neutral model, checked against what was asked: a row of another
// product or outside Start..End is a malformed answer, not data to chart.
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import type { DailyUsage } from '../model-activity';
import type { DailyAggregateJson } from './activity-schemas';
import type { PreparedDailyQuery } from './daily-aggregates-query';
import { utcDayStart } from './day-range';
import { toCursorPage, type CursorPage } from './paging';

export function toDailyAggregatePage(context: RequestContext, rows: readonly DailyAggregateJson[], prepared: PreparedDailyQuery): CursorPage<DailyUsage> {
  const items = rows.map((row, index): DailyUsage => {
    const where = `aggregates[${index}]`;
    if (prepared.productId !== undefined && row.productId !== prepared.productId) {
      throw new ResponseFormatError(context, `${where} is for product ${row.productId}, not the product asked for (${prepared.productId})`);
    }
    if ((prepared.start !== undefined && row.date < prepared.start) || (prepared.end !== undefined && row.date > prepared.end)) {
      throw new ResponseFormatError(context, `${where} is dated ${row.date}, outside ${prepared.start ?? '…'}..${prepared.end ?? '…'}`);
    }
    return {
      vendor: 'cryptolens',
      aggregateId: row.id,
      productId: row.productId,
      date: row.date,
      day: utcDayStart(row.date),
      total: row.totalRequestsLogged,
      successful: row.successful,
      failed: row.failed,
      activeKeys: row.activeKeys,
      activeDevices: row.activeDevices,
      activeCustomers: row.activeCustomers,
    };
  });
  return toCursorPage(context, items, (row) => row.aggregateId, prepared);
}
