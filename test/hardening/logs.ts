// The extension host's log files in the profile under test: VS Code's own (where unhandled errors of
// any extension land) and Keyscope's output channel. Read incrementally, so each check sees only
// what was written since its mark.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name matches, newest session first. */
export function findFiles(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => name.test(relative.split('/').pop() ?? ''))
    .map((relative) => join(dir, relative))
    .sort()
    .reverse();
}

export class LogTail {
  private offsets = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly name: RegExp,
  ) {}

  private read(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const file of findFiles(this.dir, this.name)) texts.set(file, readFileSync(file, 'utf8'));
    return texts;
  }

  /** From now on, since() returns only what is written after this call. */
  mark(): void {
    this.offsets = new Map([...this.read()].map(([file, text]) => [file, text.length]));
  }

  since(): string {
    return [...this.read()].map(([file, text]) => text.slice(this.offsets.get(file) ?? 0)).join('');
  }

  all(): string {
    return [...this.read().values()].join('');
  }
}

/** Entries (a timestamped line and its continuation) of VS Code's extension-host log that report an error raised in Keyscope. */
export function keyscopeErrors(exthostLog: string): string[] {
  const entries: string[] = [];
  for (const line of exthostLog.split('\n')) {
    if (/^\d{4}-\d{2}-\d{2} /.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries.filter((entry) => /\[error\]|unhandled|rejected promise/i.test(entry.split('\n')[0] ?? '') && /keyscope\.keyscope|dist[/\\]extension\.js|Keyscope/.test(entry));
}
