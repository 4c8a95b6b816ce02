// Strings a hostile or broken vendor could send: markup, script, links, command URIs, bidi and
// control characters, invalid UTF-16 and sheer length. Shared by the fuzzers and the hostile-data run.

/** What a script in the webview would set if any vendor string ever ran as code. */
export const SCRIPT_MARKER = '__keyscopeHostileRan';

export const HOSTILE_SCRIPT = `<script>window.${SCRIPT_MARKER}=1</script>`;
export const HOSTILE_IMG = `<img src=x onerror="window.${SCRIPT_MARKER}=1">`;
export const HOSTILE_COMMAND_LINK = '[Remove all tokens](command:keyscope.removeToken?%5B%22cryptolens%22%5D)';
export const HOSTILE_WEB_LINK = '[docs](https://evil.invalid/steal)';
export const HOSTILE_BIDI = 'abc\u202Edcba\u202C\u2066x\u2069\u200F';
export const HOSTILE_LONE_SURROGATES = 'x\uD800y\uDC00z\uD83D';
export const HOSTILE_CONTROL = 'line1\r\nline2\u0000\u0007\u001b[31mred\u009b';
export const HOSTILE_LONG = 'W'.repeat(30_000);

export const HOSTILE_STRINGS: readonly string[] = [
  HOSTILE_SCRIPT,
  HOSTILE_IMG,
  HOSTILE_COMMAND_LINK,
  HOSTILE_WEB_LINK,
  'command:keyscope.removeToken',
  '<a href="command:keyscope.removeToken">x</a>',
  '![img](https://evil.invalid/pixel.png)',
  '<https://evil.invalid>',
  'javascript:alert(1)',
  '**bold** _em_ `code` # heading',
  '$(alert) $(key)',
  '&lt;script&gt;&#x3C;',
  '${process.env.HOME} {{constructor.constructor("return 1")()}}',
  '"\'`\\',
  HOSTILE_BIDI,
  HOSTILE_LONE_SURROGATES,
  HOSTILE_CONTROL,
  '\uFEFF\u00A0\u2028\u2029',
  '🔑👩‍💻🏳️‍🌈',
  'Ω≈ç√∫˜µ≤≥÷ ١٢٣ 日本語',
  '__proto__',
  'constructor',
  '',
  ' ',
  HOSTILE_LONG,
];
