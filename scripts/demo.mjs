#!/usr/bin/env node
// `npm run demo`: Keyscope from this repo in a real VS Code (code-server), against the vendor
// emulator, with every vendor's token already in SecretStorage. Prints the URL; Ctrl-C stops all.
// KEYSCOPE_DEMO_PORT picks code-server's port (default: a free one).
// Static imports are node built-ins only: in a fresh clone node_modules does not exist yet.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function step(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`demo: ${what} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

try {
  ensureDeps();
} catch (error) {
  console.error(`demo: ${error.message}`);
  process.exit(1);
}
step('npm', ['run', '--silent', 'build'], 'building the extension');

// Loaded only now: tsx from the root node_modules, and the session needs the host's playwright-core and
// code-server, all of which ensureDeps() has just installed if they were missing.
const { tsImport } = await import('tsx/esm/api');
const { runDemo } = await tsImport('../test/host/demo-session.ts', import.meta.url);
await runDemo(process.env.KEYSCOPE_DEMO_PORT ? Number(process.env.KEYSCOPE_DEMO_PORT) : undefined);
