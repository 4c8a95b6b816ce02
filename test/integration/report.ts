// Prints a suite's results the same way for every runner; the last line is the count a CI reads.
import type { SuiteResults } from './results';

export function printResults(results: SuiteResults): void {
  for (const test of results.tests) {
    process.stdout.write(`  ${test.state === 'passed' ? '✔' : '✖'} ${test.title} (${Math.round(test.durationMs)} ms)\n`);
  }
  for (const failure of results.failures) {
    process.stdout.write(`\n✖ ${failure.title}\n${failure.message.replace(/^/gm, '    ')}\n`);
  }
  process.stdout.write(`integration: ${results.passed} passed, ${results.failed} failed\n`);
}
