#!/usr/bin/env node
// `npm test`: unit, integration, e2e and hardening suites in order, each printing its own report; the very last
// line is the total, `N passed, N failed`. Exits non-zero when any suite failed or could not run.
// First installs the root dependencies and the VS Code host if they are missing, as `npm run demo` does.
import { spawn } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

const suites = [
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
  { name: 'e2e', script: 'test:e2e' },
  { name: 'hardening', script: 'test:hardening' },
];
const suiteTimeoutMs = Number(process.env.KEYSCOPE_SUITE_TIMEOUT_MS ?? 20 * 60_000);

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

function lastNumber(output, pattern) {
  const matches = [...output.matchAll(pattern)];
  return matches.length > 0 ? Number(matches[matches.length - 1][1]) : undefined;
}

/** Counts from a plain `N passed, N failed` line, else from node's test runner summary (ℹ pass / ℹ fail). */
function parseCounts(rawOutput) {
  const output = stripAnsi(rawOutput);
  const plain = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
  if (plain.length > 0) {
    const last = plain[plain.length - 1];
    return { passed: Number(last[1]), failed: Number(last[2]) };
  }
  const passed = lastNumber(output, /^ℹ pass (\d+)$/gm);
  const failed = lastNumber(output, /^ℹ fail (\d+)$/gm);
  if (passed === undefined || failed === undefined) return undefined;
  const cancelled = lastNumber(output, /^ℹ cancelled (\d+)$/gm) ?? 0;
  return { passed, failed: failed + cancelled };
}

function runSuite({ name, script }) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${name} (npm run ${script}) ===\n`);
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    const timer = setTimeout(() => {
      process.stderr.write(`${name}: no result after ${suiteTimeoutMs / 1000} s; stopping it\n`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    }, suiteTimeoutMs);
    const finish = (code, reason) => {
      clearTimeout(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counts = parseCounts(output);
      resolve({ name, code, reason, counts, seconds });
    };
    child.once('error', (error) => finish(null, error.message));
    child.once('close', (code, signal) => finish(code, signal ? `killed by ${signal}` : undefined));
  });
}

async function main() {
  try {
    ensureDeps();
  } catch (error) {
    // Nothing could run; the last line is still the total, with the setup counted as one failure.
    process.stdout.write(`\n=== summary ===\nsetup: ${error.message}\n0 passed, 1 failed\n`);
    process.exitCode = 1;
    return;
  }
  // Ctrl-C reaches the running suite too; let it clean up, then report.
  let interrupted = false;
  process.on('SIGINT', () => (interrupted = true));
  const results = [];
  for (const suite of suites) {
    if (interrupted) break;
    results.push(await runSuite(suite));
  }
  let passed = 0;
  let failed = 0;
  let ok = !interrupted;
  process.stdout.write('\n=== summary ===\n');
  for (const result of results) {
    const counts = result.counts ?? { passed: 0, failed: 0 };
    // A suite that failed without counting a failure (crash, build error, timeout) still counts as one.
    const suiteFailed = result.code !== 0 || counts.failed > 0 || result.counts === undefined;
    const extra = suiteFailed && counts.failed === 0 ? 1 : 0;
    passed += counts.passed;
    failed += counts.failed + extra;
    if (suiteFailed) ok = false;
    const note = result.code === 0 ? '' : ` — exited ${result.code ?? result.reason}`;
    const missing = result.counts === undefined ? ' (no test counts found)' : '';
    process.stdout.write(`${result.name}: ${counts.passed} passed, ${counts.failed + extra} failed in ${result.seconds} s${note}${missing}\n`);
  }
  process.exitCode = ok ? 0 : 1;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
}

await main();
