// A run's checks and figures, printed as they happen; the last line is the count scripts/test-all.mjs
// reads ("hardening: N passed, M failed").

export interface Check {
  title: string;
  passed: boolean;
  detail: string;
}

export class Report {
  readonly checks: Check[] = [];
  readonly figures: string[] = [];

  /** "hardening" or "soak": the prefix of the last lines. */
  constructor(private readonly name = 'hardening') {}

  check(title: string, problems: readonly string[], figure = ''): boolean {
    const passed = problems.length === 0;
    this.checks.push({ title, passed, detail: problems.join('\n') });
    process.stdout.write(`  ${passed ? '✔' : '✖'} ${title}${figure ? ` — ${figure}` : ''}\n`);
    if (!passed) process.stdout.write(`${problems.map((problem) => `      ${problem}`).join('\n')}\n`);
    return passed;
  }

  figure(line: string): void {
    this.figures.push(line);
    process.stdout.write(`  · ${line}\n`);
  }

  section(title: string): void {
    process.stdout.write(`\n${title}\n`);
  }

  get failed(): number {
    return this.checks.filter((check) => !check.passed).length;
  }

  summary(seconds: number): void {
    process.stdout.write('\nfigures\n');
    for (const line of this.figures) process.stdout.write(`  ${line}\n`);
    const failures = this.checks.filter((check) => !check.passed);
    if (failures.length > 0) process.stdout.write(`\nfailed: ${failures.map((check) => check.title).join('; ')}\n`);
    process.stdout.write(`${this.name}: took ${seconds.toFixed(1)} s\n`);
    process.stdout.write(`${this.name}: ${this.checks.length - this.failed} passed, ${this.failed} failed\n`);
  }
}
