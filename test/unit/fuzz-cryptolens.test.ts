import { cryptolensTargets } from '../hardening/fuzz/cryptolens-targets';
import { fuzzSuite } from '../hardening/fuzz/fuzz-suite';

fuzzSuite('fuzz: Cryptolens answers through the real client', ['Cryptolens ai/GetKeyUsageSummaries', 'Cryptolens ai/GetKeyDevices'], cryptolensTargets, 0xc0ffee);
