// The suite's outcome as JSON, written by the suite and read by the runners.
import { renameSync, writeFileSync } from 'node:fs';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
}

export interface TestFailure {
  title: string;
  message: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: TestOutcome[];
  failures: TestFailure[];
}

export function emptyResults(): SuiteResults {
  return { passed: 0, failed: 0, tests: [], failures: [] };
}

export function recordPass(results: SuiteResults, title: string, durationMs: number): void {
  results.passed += 1;
  results.tests.push({ title, state: 'passed', durationMs });
}

export function recordFailure(results: SuiteResults, title: string, message: string, durationMs = 0): void {
  results.failed += 1;
  results.tests.push({ title, state: 'failed', durationMs });
  results.failures.push({ title, message });
}

/** Written whole (temp file + rename), so a runner polling for the file never reads half of it. */
export function writeResults(file: string, results: SuiteResults): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(results, null, 2));
  renameSync(partial, file);
}

export function isSuiteResults(value: unknown): value is SuiteResults {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.passed === 'number' && typeof record.failed === 'number' && Array.isArray(record.tests) && Array.isArray(record.failures);
}
