// The Analytics panel's Content-Security-Policy, parsed from its HTML and checked: scripts only by
// nonce (no 'unsafe-inline', no 'unsafe-eval', no wildcard or scheme source), and no connections at all.

export type Csp = Map<string, string[]>;

/** The policy of the first <meta http-equiv="Content-Security-Policy"> in `html`. */
export function parseCsp(html: string): Csp | undefined {
  const meta = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = meta ? (/content="([^"]*)"/i.exec(meta) ?? /content='([^']*)'/i.exec(meta))?.[1] : undefined;
  if (content === undefined) return undefined;
  const decoded = content.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const policy: Csp = new Map();
  for (const directive of decoded.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function effective(policy: Csp, directive: string): string[] {
  return policy.get(directive) ?? policy.get('default-src') ?? ['*'];
}

export function cspProblems(html: string): string[] {
  const policy = parseCsp(html);
  if (!policy) return ['no Content-Security-Policy meta element'];
  const problems: string[] = [];
  if (!policy.has('default-src') || policy.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src is not 'none': ${policy.get('default-src')?.join(' ') ?? '(absent)'}`);
  const scripts = effective(policy, 'script-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'https:', 'http:']) {
    if (scripts.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (!scripts.some((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source))) problems.push(`script-src has no nonce: ${scripts.join(' ')}`);
  const connect = effective(policy, 'connect-src');
  if (connect.join(' ') !== "'none'") problems.push(`connect-src allows ${connect.join(' ')}`);
  for (const directive of ['frame-src', 'child-src', 'object-src']) {
    const sources = effective(policy, directive);
    if (sources.join(' ') !== "'none'") problems.push(`${directive} allows ${sources.join(' ')}`);
  }
  const styles = effective(policy, 'style-src');
  if (styles.includes("'unsafe-inline'")) problems.push("style-src allows 'unsafe-inline'");
  return problems;
}
