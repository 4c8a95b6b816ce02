// The layers are lint rules `npm run check` runs: an import across a layer fails the build, with a
// message that says where the shared piece belongs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

/** The messages of the import rules for `code` as if it stood at `filePath`. */
async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `no lint result for ${filePath}`);
  return result.messages.filter((message) => /no-restricted-imports$/.test(message.ruleId ?? '')).map((message) => message.message);
}

describe('layers: lint refuses imports across them', () => {
  it("keeps vendors/ free of 'vscode' and of the views", async () => {
    const vscode = await importErrors('src/vendors/x.ts', "import * as vscode from 'vscode';\nexport const api = vscode;\n");
    assert.equal(vscode.length, 1);
    assert.match(vscode[0] ?? '', /free of VS Code/);
    const tree = await importErrors('src/vendors/unkey/x.ts', "import type { TreeNode } from '../../tree/node';\nexport type Node = TreeNode;\n");
    assert.equal(tree.length, 1);
    assert.match(tree[0] ?? '', /A view folder .* is above this layer/);
  });

  it('keeps http/ below vendors/, and usage/ below the views', async () => {
    assert.match((await importErrors('src/http/x.ts', "import type { Page } from '../vendors/model';\nexport type P = Page<number>;\n"))[0] ?? '', /vendors\/ is above the HTTP layer/);
    assert.match((await importErrors('src/http/x.ts', "import type { UsageService } from '../usage/usage-service';\nexport type U = UsageService;\n"))[0] ?? '', /usage\/ is above this layer/);
    assert.match((await importErrors('src/usage/x.ts', "import type { KeysTree } from '../tree/keys-tree';\nexport type T = KeysTree;\n"))[0] ?? '', /A view folder/);
    assert.match((await importErrors('src/panel/x.ts', "import { lookupKey } from '../commands/lookup-key';\nexport const run = lookupKey;\n"))[0] ?? '', /commands\/ wires the views together/);
  });

  it('lets the webview import only the panel protocol, the model and the text helpers', async () => {
    const allowed = [
      "import { OUTCOMES } from '../../src/vendors/model';",
      "import type { Table } from '../../src/panel/protocol-data';",
      "import { Endpoint } from '../../src/panel/protocol-endpoint';",
      "import { formatCount } from '../../src/text/format';",
      'export const used = [OUTCOMES, Endpoint, formatCount];',
      'export type Used = Table;',
    ].join('\n');
    assert.deepEqual(await importErrors('webview/ui/x.ts', `${allowed}\n`), []);
    const host = await importErrors('webview/ui/x.ts', "import { scopeTitle } from '../../src/panel/scope';\nexport const title = scopeTitle;\n");
    assert.match(host[0] ?? '', /The webview may import only/);
    assert.match((await importErrors('webview/x.ts', "import * as vscode from 'vscode';\nexport const api = vscode;\n"))[0] ?? '', /free of VS Code/);
  });

  it('allows what each layer may import', async () => {
    const code = "import { VENDOR_NAMES } from '../vendor-id';\nimport { plainText } from '../text/untrusted';\nexport const used = [VENDOR_NAMES, plainText];\n";
    assert.deepEqual(await importErrors('src/http/x.ts', code), []);
    assert.deepEqual(await importErrors('src/usage/x.ts', "import type { Page } from '../vendors/model';\nexport type P = Page<number>;\n"), []);
  });

  it('refuses a file of more than 300 lines in src/ and webview/ (one idea per file)', async () => {
    const lines = (count: number): string => Array.from({ length: count }, (_, index) => `export const v${index} = ${index};`).join('\n') + '\n';
    const maxLines = async (filePath: string, code: string): Promise<number> => {
      const [result] = await eslint.lintText(code, { filePath });
      return result?.messages.filter((message) => message.ruleId === 'max-lines').length ?? -1;
    };
    assert.equal(await maxLines('src/usage/x.ts', lines(300)), 0);
    assert.equal(await maxLines('src/usage/x.ts', lines(301)), 1);
    assert.equal(await maxLines('webview/views/x.ts', lines(301)), 1);
  });
});
