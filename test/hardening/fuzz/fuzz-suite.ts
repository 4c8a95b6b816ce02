// One node:test suite per vendor: a real emulator seeds the targets, then each endpoint gets its
// deterministic run of mutated answers, printed as one line with its counts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMALL_SCALE } from '../../emulator/scale';
import { startEmulator, type Emulator } from '../../emulator/server';
import { describeReport, runFuzz, type FuzzTarget } from './run-fuzz';

export const FUZZ_CASES = Number(process.env.KEYSCOPE_FUZZ_CASES ?? 10_000);

/** The emulator's clock: after every seed page's example dates. */
export const FUZZ_NOW = Date.UTC(2025, 8, 1, 12);

export function fuzzSuite(title: string, names: readonly string[], targets: (emulator: Emulator) => Promise<FuzzTarget[]>, seed: number): void {
  describe(title, () => {
    let emulator: Emulator;
    let built: FuzzTarget[] = [];
    before(async () => {
      emulator = await startEmulator({ scale: SMALL_SCALE, now: FUZZ_NOW });
      built = await targets(emulator);
    });
    after(async () => emulator.close());

    it('has a target for every endpoint named here, and nothing more', () => {
      assert.deepEqual(built.map((target) => target.name).sort(), [...names].sort());
    });

    for (const [index, name] of names.entries()) {
      it(`${name}: ${FUZZ_CASES} mutated answers, only typed errors`, async () => {
        const target = built.find((candidate) => candidate.name === name);
        assert.ok(target, `no fuzz target ${name}`);
        const report = await runFuzz(target, FUZZ_CASES, seed + index);
        process.stdout.write(`${describeReport(report)}\n`);
        assert.equal(report.cases, FUZZ_CASES);
        // Both outcomes must occur, or the mutations are too mild or too harsh to test anything.
        assert.ok(report.resolved >= FUZZ_CASES / 100, `only ${report.resolved} cases parsed`);
        assert.ok(report.resolved < FUZZ_CASES, 'no case was rejected');
        assert.deepEqual(report.failures.map((failure) => failure.problem), [], describeReport(report));
      });
    }
  });
}
