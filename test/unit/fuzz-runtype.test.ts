import { fuzzSuite } from '../hardening/fuzz/fuzz-suite';
import { runtypeTargets } from '../hardening/fuzz/runtype-targets';

fuzzSuite(
  'fuzz: Runtype answers through the real client',
  ['Runtype GET /v1/api-keys', 'Runtype GET /v1/api-keys/analytics', 'Runtype GET /v1/api-keys/{id}/analytics'],
  runtypeTargets,
  0x52754e,
);
