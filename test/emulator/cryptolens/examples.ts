// The example results printed on the seed pages, verbatim. The seed puts these rows in the data, so a
// request for them answers with exactly this text.
import type { DeviceRow, SummaryRow } from './data';

export const EXAMPLE_SUMMARIES_JSON =
  '{"summaries":[{"id":7,"productId":3349,"keyId":123456,"key":"AAAA-BBBB-CCCC-DDDD","totalRequests":320,"totalSuccessful":300,"totalFailed":20,"firstSeenUtc":1748131200,"lastSeenUtc":1748217600}],"result":0,"message":null}';

export const EXAMPLE_DEVICES_JSON =
  '{"devices":[{"id":9,"productId":3349,"keyId":123456,"key":"AAAA-BBBB-CCCC-DDDD","machineCode":"MACHINE-1","firstSeenUtc":1748131200,"lastSeenUtc":1748217600,"totalRequests":25}],"result":0,"message":null}';

export const EXAMPLE_PRODUCT_ID = 3349;
export const EXAMPLE_KEY_ID = 123456;
export const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';

export function exampleSummary(): SummaryRow {
  return firstRow<SummaryRow>(EXAMPLE_SUMMARIES_JSON, 'summaries');
}

export function exampleDevice(): DeviceRow {
  return firstRow<DeviceRow>(EXAMPLE_DEVICES_JSON, 'devices');
}

function firstRow<T>(json: string, list: string): T {
  const rows = (JSON.parse(json) as Record<string, T[]>)[list];
  const row = rows?.[0];
  if (row === undefined) throw new Error(`example ${list} is empty`);
  return row;
}
