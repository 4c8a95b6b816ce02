// The methods answered from the activity (the Web API log and what is computed from it), and the
// permission each needs: GetDailyAggregates the "Usage Analytics" permission (its page says so),
// GetWebAPILog its own method permission (CL:Auth: a token lists the methods it may call). Without it:
// "Access denied." with 403, as the other methods refuse a missing permission here.
import type { EmulatorResponse } from '../vendor';
import type { CryptolensActivity } from './activity';
import type { CryptolensData } from './data';
import { answerDailyAggregates } from './daily-aggregates';
import { ACCESS_DENIED, failure } from './errors';
import type { ReceivedParams } from './params';
import type { TokenGrant } from './tokens';
import { answerWebApiLog } from './web-api-log';

export type ActivityMethod = 'dailyAggregates' | 'webApiLog';

export const ACTIVITY_ROUTES: Readonly<Record<string, ActivityMethod>> = {
  '/api/ai/getdailyaggregates': 'dailyAggregates',
  '/api/ai/getwebapilog': 'webApiLog',
};

export function isActivityMethod(route: string): route is ActivityMethod {
  return route === 'dailyAggregates' || route === 'webApiLog';
}

export function answerActivity(
  method: ActivityMethod,
  params: ReceivedParams,
  grant: TokenGrant,
  data: CryptolensData,
  activity: () => CryptolensActivity,
): EmulatorResponse {
  if (method === 'dailyAggregates') {
    return grant.usageAnalytics ? answerDailyAggregates(params, grant, data, activity) : failure(ACCESS_DENIED, 403);
  }
  return grant.webApiLog ? answerWebApiLog(params, grant, data, activity) : failure(ACCESS_DENIED, 403);
}
