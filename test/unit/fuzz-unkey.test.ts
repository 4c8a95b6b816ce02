import { fuzzSuite } from '../hardening/fuzz/fuzz-suite';
import { unkeyTargets } from '../hardening/fuzz/unkey-targets';

fuzzSuite(
  'fuzz: Unkey v1 and v2 answers through the real clients',
  ['Unkey v1/analytics.getVerifications', 'Unkey v1/apis.listKeys', 'Unkey v2/analytics.getVerifications', 'Unkey v2/apis.listKeys'],
  unkeyTargets,
  0x756e6b,
);
