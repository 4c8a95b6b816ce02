// Entry of the integration suite inside the extension host (code-server or desktop VS Code):
// runs every compiled *.test.js beside this file with mocha and reports to the runner.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { testEnv } from './env';
import { emptyResults, recordFailure, recordPass, writeResults } from './results';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(dir, file));
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000 });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const results = emptyResults();
  const resultsFile = process.env[testEnv.resultsFile];
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (resultsFile) writeResults(resultsFile, results);
      if (results.failed > 0 || results.passed === 0) reject(new Error(`integration: ${results.passed} passed, ${results.failed} failed`));
      else resolve();
    };
    try {
      const runner = mocha.run(finish);
      runner.on('pass', (test) => recordPass(results, test.fullTitle(), test.duration ?? 0));
      runner.on('fail', (test, error: unknown) => recordFailure(results, test.fullTitle(), errorMessage(error), test.duration ?? 0));
    } catch (error) {
      // A test file that throws while loading never reaches the runner's events.
      recordFailure(results, 'loading the integration suite', errorMessage(error));
      finish();
    }
  });
}
