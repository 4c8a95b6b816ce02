import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { UsageService } from '../../src/usage/usage-service';
import { commandArguments, linkTargets, unescaped } from '../unit/hover-links';
import { emulator } from './emulator';
import { testEnv } from './env';
import {
  clearEmulatorRequests,
  emulatorRequests,
  keepArtifact,
  keyscopeHovers,
  keyscopeUsage,
  positionOf,
  requestsTo,
  setAllTokens,
  updateSetting,
  waitUntil,
} from './hover-helpers';
import { HOSTILE_STRINGS, startHostileRuntype } from './hover-hostile-runtype';

const EXAMPLE_KEY = 'AAAA-BBBB-CCCC-DDDD';
const COUNT = new Intl.NumberFormat('en-US');

async function openText(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'plaintext', content });
}

async function hoverText(document: vscode.TextDocument, needle: string): Promise<string[]> {
  return (await keyscopeHovers(document.uri, positionOf(document, needle))).map((markdown) => markdown.value);
}

describe('hovers on key ids', function () {
  this.timeout(120_000);
  let usage: UsageService;

  before(async () => {
    usage = await keyscopeUsage();
    await setAllTokens();
  });

  afterEach(async () => {
    await updateSetting('keyscope.hover.enabled', undefined);
  });

  it('shows a Cryptolens license key: totals, success rate, devices, dates and the analytics link, in a file on disk', async () => {
    const workspace = process.env[testEnv.workspaceDir];
    assert.ok(workspace, `${testEnv.workspaceDir} is set by the runner`);
    mkdirSync(join(workspace, 'src'), { recursive: true });
    const file = join(workspace, 'src', 'license.ts');
    writeFileSync(file, `export const LICENSE_KEY = '${EXAMPLE_KEY}';\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const markdowns = await keyscopeHovers(document.uri, positionOf(document, EXAMPLE_KEY));
    assert.equal(markdowns.length, 1, 'one Keyscope hover');
    const markdown = markdowns[0] as vscode.MarkdownString;
    const devices = await usage.devicesPage(3349, 123456);
    for (const part of [
      '**Cryptolens** license key **AAAA\\-BBBB\\-CCCC\\-DDDD**',
      'Product 3349 · Key id 123456',
      'Requests (lifetime): **320** — 300 successful, 20 failed',
      'Success rate: 93.8%',
      `Devices: ${devices.items.length}`,
      'Last seen: 2025-05-26 00:00 UTC',
    ]) {
      assert.ok(markdown.value.includes(part), `missing "${part}" in:\n${markdown.value}`);
    }
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['keyscope.openAnalytics'] });
    assert.notEqual(markdown.supportHtml, true);
    const [link, ...others] = linkTargets(markdown.value);
    assert.deepEqual(others, []);
    assert.ok(link?.startsWith('command:keyscope.openAnalytics?'), link);
    assert.deepEqual(commandArguments(link ?? ""), [{ vendor: 'cryptolens', scopeId: '3349', keyId: '123456', key: EXAMPLE_KEY }]);
  });

  it("shows an Unkey key's 30-day verifications by outcome, and a configured API's totals", async () => {
    const [apiId] = emulator().unkey.apiIds;
    assert.ok(apiId);
    const totals = await usage.unkeyTotalsByKey(apiId);
    const [keyId, outcomes] = [...totals.entries()].sort((a, b) => b[1].total - a[1].total)[0] ?? [];
    assert.ok(keyId && outcomes, 'the first API has verified keys');
    const document = await openText(`unkey.verify({ key: input, apiId: "${apiId}" }) // ${keyId}\n`);
    const [text] = await hoverText(document, keyId);
    assert.ok(text?.includes('**Unkey** key'), text);
    assert.ok(text?.includes(`Requests (last 30 days): **${COUNT.format(outcomes.total)}** — ${COUNT.format(outcomes.valid)} successful`), text);
    assert.ok(text?.includes(`valid ${COUNT.format(outcomes.valid)}`), text);
    const sum = [...totals.values()].reduce((total, counts) => total + counts.total, 0);
    const [apiText] = await hoverText(document, apiId);
    assert.ok(apiText?.includes(`**Unkey** API`) && apiText.includes(`**${COUNT.format(sum)}**`), apiText);
  });

  it('shows a Runtype key by its id and by its prefix, with its state and last use', async () => {
    const keys = await usage.runtypeKeys();
    const key = keys.find((candidate) => candidate.name && candidate.start && candidate.lastUsedAt !== undefined);
    assert.ok(key?.start && key.name);
    const document = await openText(`id=${key.keyId}\nRUNTYPE_KEY=${key.start}AbCdEf123456\n`);
    const [byId] = await hoverText(document, key.keyId);
    assert.ok(byId?.includes('**Runtype** API key') && byId.includes('Last used: 20'), byId);
    const byPrefix = await hoverText(document, `${key.start}AbCdEf123456`);
    assert.ok(byPrefix.some((text) => text.includes(key.keyId.replace(/-/g, '\\-'))), byPrefix.join('\n'));
  });

  it('shows nothing for dashed words, locale tags, unknown UUIDs and ids no vendor knows', async () => {
    const document = await openText(
      [
        'a well-known-fact in en-US; see state-of-the-art',
        'request 0f8fad5b-d9cb-469f-a165-70867728950e',
        'key_NotAKeyAtAll42 api_NotConfigured7 ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ HTTP-POST-JSON-BODY',
      ].join('\n'),
    );
    for (const needle of ['well-known-fact', 'en-US', '0f8fad5b', 'key_NotAKeyAtAll42', 'api_NotConfigured7', 'ZZZZZ-ZZZZZ', 'HTTP-POST-JSON-BODY']) {
      assert.deepEqual(await hoverText(document, needle), [], needle);
    }
  });

  it('looks up 200 Unkey key ids in one file with a handful of vendor calls, and none when warm', async () => {
    const apiIds = emulator().unkey.apiIds;
    const ids: string[] = [];
    for (const apiId of apiIds) ids.push(...(await usage.unkeyKeysPage(apiId)).items.map((key) => key.keyId));
    // The listing pages a status may read (setup, not counted): every page of every API.
    let listingPages = 0;
    for (const apiId of apiIds) {
      for (let cursor: string | undefined, more = true; more; listingPages++) {
        const page = await usage.unkeyKeysPage(apiId, cursor);
        cursor = page.nextCursor;
        more = cursor !== undefined && page.items.length > 0;
      }
    }
    const chosen = ids.slice(0, 200);
    assert.equal(chosen.length, 200, `the emulator has 200 Unkey keys in ${apiIds.length} APIs`);
    const document = await openText(chosen.map((id, i) => `export const key${i} = "${id}";`).join('\n'));
    usage.clear('unkey');
    await clearEmulatorRequests();
    // Cold: all 200 at once, so in-flight sharing is what keeps it cheap.
    const cold = await Promise.all(chosen.map((id) => keyscopeHovers(document.uri, positionOf(document, id))));
    const coldRequests = await emulatorRequests();
    await clearEmulatorRequests();
    for (const id of chosen) await keyscopeHovers(document.uri, positionOf(document, id));
    const warmRequests = await emulatorRequests();
    const shown = cold.filter((hovers) => hovers.length > 0).length;
    const counts = {
      ids: chosen.length,
      configuredApis: apiIds.length,
      hoversWithData: shown,
      coldUnkeyRequests: requestsTo(coldRequests, 'unkey'),
      coldByPath: coldRequests.byPath,
      warmUnkeyRequests: requestsTo(warmRequests, 'unkey'),
    };
    console.log(`hover: 200 Unkey key ids → ${JSON.stringify(counts)}`);
    keepArtifact('hover-200-unkey-ids', counts);
    assert.ok(shown > 0, 'keys with verifications in the last 30 days show a hover');
    // Usage: one analytics query for every configured API, their last 24 hours included (v2). Health
    // (issue 13) per API: keys.getKey for its first id, then its key list (100 keys a page).
    assert.equal(requestsTo(coldRequests, 'unkey', 'getVerifications'), 1, JSON.stringify(coldRequests.byPath));
    const budget = 1 + apiIds.length + listingPages;
    assert.ok(counts.coldUnkeyRequests <= budget, `cold: ${counts.coldUnkeyRequests} Unkey requests, budget ${budget}`);
    assert.equal(counts.warmUnkeyRequests, 0, 'warm: no Unkey request');
  });

  it('costs at most one request for 100 hovers of the same id (Unkey: one more for its status)', async () => {
    const [key] = await usage.runtypeKeys();
    assert.ok(key);
    const document = await openText(`const id = '${key.keyId}';\n`);
    usage.clear('runtype');
    await clearEmulatorRequests();
    for (let i = 0; i < 100; i++) assert.equal((await hoverText(document, key.keyId)).length, 1);
    const runtype = requestsTo(await emulatorRequests(), 'runtype');
    console.log(`hover: 100 hovers of one Runtype id → ${runtype} Runtype request(s)`);
    assert.equal(runtype, 1);

    // An Unkey id when one API is configured: one analytics query for all 100.
    const [apiId] = emulator().unkey.apiIds;
    assert.ok(apiId);
    const [keyId] = [...(await usage.unkeyTotalsByKey(apiId)).keys()];
    assert.ok(keyId);
    const unkeyDocument = await openText(`const id = '${keyId}';\n`);
    await updateSetting('keyscope.unkey.apiIds', [apiId]);
    try {
      await clearEmulatorRequests();
      for (let i = 0; i < 100; i++) assert.equal((await hoverText(unkeyDocument, keyId)).length, 1);
      const unkey = requestsTo(await emulatorRequests(), 'unkey');
      console.log(`hover: 100 hovers of one Unkey id (one API configured) → ${unkey} Unkey request(s)`);
      // One query: the 30-day totals and, for its status, the last 24 hours; plus one keys.getKey.
      assert.ok(unkey <= 2, `${unkey} Unkey requests`);
    } finally {
      await updateSetting('keyscope.unkey.apiIds', emulator().unkey.apiIds);
    }
  });

  it('escapes hostile vendor strings: no link but Keyscope\'s own command, no HTML, no bidi overrides', async () => {
    const hostile = await startHostileRuntype();
    await updateSetting('keyscope.runtype.baseUrl', hostile.baseUrl);
    try {
      const document = await openText(hostile.keys.map((key) => `${key.id}`).join('\n'));
      for (const [index, key] of hostile.keys.entries()) {
        const markdowns = await keyscopeHovers(document.uri, positionOf(document, key.id));
        assert.equal(markdowns.length, 1, `a hover for the key named ${JSON.stringify(HOSTILE_STRINGS[index])}`);
        const markdown = markdowns[0] as vscode.MarkdownString;
        const links = linkTargets(markdown.value);
        assert.equal(links.length, 1, `links in:\n${markdown.value}`);
        assert.ok(links[0]?.startsWith('command:keyscope.openAnalytics?'), links[0]);
        assert.deepEqual(commandArguments(links[0] ?? ''), [{ vendor: 'runtype', keyId: key.id, key: key.keyPrefix }]);
        assert.deepEqual(markdown.isTrusted, { enabledCommands: ['keyscope.openAnalytics'] });
        assert.notEqual(markdown.supportHtml, true);
        assert.doesNotMatch(markdown.value, /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
        const outsideLink = unescaped(markdown.value).replace(/\[Open in Keyscope Analytics\]\([^)]*\)/, '');
        assert.doesNotMatch(outsideLink, /[<>[\]]|command:|javascript:/i, markdown.value);
      }
    } finally {
      await updateSetting('keyscope.runtype.baseUrl', emulator().runtype.baseUrl);
      await hostile.close();
    }
  });

  it('shows no hover while keyscope.hover.enabled is false, and again once it is back on', async () => {
    const document = await openText(`key = "${EXAMPLE_KEY}"\n`);
    assert.equal((await hoverText(document, EXAMPLE_KEY)).length, 1);
    // The settings change reaches the extension host as an event: give it a moment, then insist.
    await updateSetting('keyscope.hover.enabled', false);
    await waitUntil('the hover to go away', async () => ((await hoverText(document, EXAMPLE_KEY)).length === 0 ? true : undefined), 5_000);
    await updateSetting('keyscope.hover.enabled', true);
    await waitUntil('the hover to come back', async () => ((await hoverText(document, EXAMPLE_KEY)).length === 1 ? true : undefined), 5_000);
  });
});
