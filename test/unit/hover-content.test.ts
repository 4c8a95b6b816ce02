// The hover's Markdown: what it says about a key, and that vendor text can never add a link, HTML,
// a command or reordered (bidi) text to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandUri, hoverMarkdown, openAnalyticsLink, OPEN_ANALYTICS_COMMAND } from '../../src/hover/content';
import { cryptolensKeyFacts, runtypeKeyFacts, unkeyKeyFacts, type KeyFacts } from '../../src/usage/key-facts';
import type { LicenseKeySummary, OutcomeCounts } from '../../src/vendors/model';
import { commandArguments, linkTargets, unescaped } from './hover-links';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.quit)',
  '](command:workbench.action.quit "t")',
  '<https://evil.example>',
  'https://evil.example/steal www.evil.example',
  'javascript:alert(1)',
  '`code` **bold** _em_ # heading',
  '\u202eevil\u202c \u2066isolated\u2069 \u200fmark',
  'line one\n\n[second](command:workbench.action.quit)\r\n- list',
  '$(alert) ![img](https://evil.example/x.png)',
  '&lt;script&gt; &#x3C;b&#x3E;',
];

const SUMMARY: LicenseKeySummary = {
  vendor: 'cryptolens',
  keyId: '123456',
  scopeId: '3349',
  key: 'AAAA-BBBB-CCCC-DDDD',
  totalRequests: 320,
  successful: 300,
  failed: 20,
  firstSeen: 1748131200_000,
  lastSeen: 1748217600_000,
  counters: {},
  summaryId: 7,
  productId: 3349,
  licenseKeyId: 123456,
};

const OUTCOMES: OutcomeCounts = {
  valid: 13,
  rateLimited: 10,
  usageExceeded: 0,
  disabled: 0,
  expired: 0,
  forbidden: 0,
  unauthorized: 0,
  notFound: 0,
  insufficientPermissions: 0,
  total: 23,
};

function hostileFacts(text: string): KeyFacts[] {
  return [
    cryptolensKeyFacts({ ...SUMMARY, key: text }, { count: 2, more: false }),
    unkeyKeyFacts(text, 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j', OUTCOMES, {
      vendor: 'unkey',
      keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j',
      name: text,
      start: text,
      enabled: true,
      identity: { id: 'id_1', externalId: text },
    }),
    runtypeKeyFacts({ vendor: 'runtype', keyId: text, name: text, start: text, enabled: false }, Date.UTC(2025, 0, 1)),
  ];
}

describe('hover content', () => {
  it('shows vendor, key, totals, success rate, devices, first and last seen, and the analytics link', () => {
    const markdown = hoverMarkdown([cryptolensKeyFacts(SUMMARY, { count: 2, more: false })]);
    for (const part of [
      '**Cryptolens** license key **AAAA\\-BBBB\\-CCCC\\-DDDD**',
      'Product 3349 · Key id 123456',
      'Requests (lifetime): **320** — 300 successful, 20 failed',
      'Success rate: 93.8%',
      'Devices: 2',
      'First seen: 2025-05-25 00:00 UTC',
      'Last seen: 2025-05-26 00:00 UTC',
      '[Open in Keyscope Analytics](command:keyscope.openAnalytics?',
    ]) {
      assert.ok(markdown.includes(part), `missing ${part} in:\n${markdown}`);
    }
  });

  it('lists Unkey outcomes that occurred, and says what Runtype does not count', () => {
    const unkey = hoverMarkdown([unkeyKeyFacts('api_123', 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j', OUTCOMES)]);
    assert.ok(unkey.includes('Requests (last 30 days): **23** — 13 successful, 10 failed'), unkey);
    assert.ok(unkey.includes('By outcome: valid 13 · rateLimited 10'), unkey);
    assert.ok(unkey.includes('Success rate: 56.5%'), unkey);
    const runtype = hoverMarkdown([runtypeKeyFacts({ vendor: 'runtype', keyId: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890', name: 'Old Key 1', start: 'runtype_3456', enabled: false }, Date.UTC(2024, 3, 25))]);
    assert.ok(runtype.includes('Last used: never'), runtype);
    assert.ok(runtype.includes('inactive'), runtype);
    assert.ok(!runtype.includes('Success rate'), 'Runtype exposes no counts, so no rate is made up');
  });

  it('lets no hostile vendor string add a link, HTML, a command or a line', () => {
    for (const text of HOSTILE) {
      const facts = hostileFacts(text);
      const markdown = hoverMarkdown(facts);
      const expectedLinks = facts.map((fact) => commandUri(OPEN_ANALYTICS_COMMAND, [fact.reference]));
      assert.deepEqual(linkTargets(markdown), expectedLinks, `links in the hover for ${JSON.stringify(text)}:\n${markdown}`);
      // Controls other than the line breaks Keyscope writes, and bidi overrides/isolates/marks.
      assert.ok(![...markdown].some((ch) => (ch < ' ' && ch !== '\n') || /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/.test(ch)), 'no controls or bidi overrides survive');
      const withoutLinks = facts.reduce((out, fact) => out.replace(openAnalyticsLink(fact.reference), ''), unescaped(markdown));
      assert.doesNotMatch(withoutLinks, /[<>[\]`]|command:|javascript:/i, `unescaped markup for ${JSON.stringify(text)}`);
      // Every key's hover keeps its line count: vendor newlines became spaces.
      const lines = hoverMarkdown([facts[2] as KeyFacts]).split('\n').length;
      assert.equal(lines, hoverMarkdown([runtypeKeyFacts({ vendor: 'runtype', keyId: 'x', name: 'x', start: 'x', enabled: false }, 0)]).split('\n').length);
    }
  });

  it('encodes command arguments so that no character of vendor data can end the link', () => {
    const reference = { vendor: 'runtype' as const, keyId: 'a) [b](command:workbench.action.quit) "c\' !*~ é\n', key: '%29' };
    const uri = commandUri(OPEN_ANALYTICS_COMMAND, [reference]);
    assert.match(uri, /^command:keyscope\.openAnalytics\?[A-Za-z0-9%._-]+$/);
    assert.deepEqual(commandArguments(uri), [reference]);
  });
});
