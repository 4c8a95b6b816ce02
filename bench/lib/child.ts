// Runs a bench script in a fresh Node process (its own heap, --expose-gc) and reads back its result:
// heap figures are only honest when nothing else (the emulator, other runs) shares the process.
import { spawn } from 'node:child_process';

const INPUT_VARIABLE = 'KEYSCOPE_BENCH_INPUT';
const RESULT_MARKER = 'KEYSCOPE_BENCH_RESULT ';

export interface ChildOptions {
  /** Extra node flags, e.g. --max-old-space-size. */
  nodeFlags?: string[];
  /** A plain .js script: run without tsx, so nothing but Node itself loads modules. */
  plain?: boolean;
  timeoutMs?: number;
}

/** Starts `script` (a .ts file, under tsx) with --expose-gc, hands it `input`, resolves with its result. */
export function runChild<I, O>(script: string, input: I, options: ChildOptions = {}): Promise<O> {
  const args = ['--expose-gc', ...(options.nodeFlags ?? []), ...(options.plain ? [] : ['--import', 'tsx']), script];
  const child = spawn(process.execPath, args, {
    // The input may hold emulator tokens: an environment variable, not argv (argv shows in `ps`).
    env: { ...process.env, [INPUT_VARIABLE]: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<O>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`${script} exited with ${code ?? signal}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as O);
    });
  });
}

/** In the child: the input the parent handed over. */
export function childInput<I>(): I {
  const raw = process.env[INPUT_VARIABLE];
  if (raw === undefined) throw new Error(`${INPUT_VARIABLE} is not set: run this through runChild()`);
  return JSON.parse(raw) as I;
}

/** In the child: hands the result to the parent and ends the process. */
export function childResult<O>(result: O): never {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** In the child: runs `main`, reporting a failure on stderr with a non-zero exit. */
export function childMain(main: () => Promise<never>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
