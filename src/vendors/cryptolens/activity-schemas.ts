// The JSON of ai/GetDailyAggregates (CL:GetDailyAggregates) and ai/GetWebAPILog (CL:model/WebAPILog).
// Extra fields pass; a missing or mistyped documented field fails with its path.
import * as z from 'zod/mini';
import { isCalendarDate } from './dates';

const id = z.int();
const count = z.int().check(z.nonnegative());
const success = { result: z.literal(0), message: z.nullish(z.string()) };

export const dailyAggregateSchema = z.object({
  id,
  productId: id,
  date: z.string().check(z.refine(isCalendarDate, 'expected a yyyy-MM-dd date')),
  totalRequestsLogged: count,
  successful: count,
  failed: count,
  activeDevices: count,
  activeKeys: count,
  activeCustomers: count,
});
export type DailyAggregateJson = z.infer<typeof dailyAggregateSchema>;

export const dailyAggregatesResponseSchema = z.object({ ...success, aggregates: z.array(dailyAggregateSchema) });
