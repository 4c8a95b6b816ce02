// Figure 4, tree health (issue 13): what showing each key row's status costs the vendors beyond the
// rows themselves, through Keyscope's real tree nodes against the emulator. Unkey rows read their
// fields from the key pages and their 24-hour shares from the usage query the rows need anyway;
// Runtype rows from the key list the rows need anyway; a Cryptolens product of N keys reads its key
// list (product/GetKeys, 99 a page) once per cache lifetime, however many pages of rows are shown.
import '../vscode/register';
import type * as vscode from 'vscode';
import { ProductNode } from '../../src/tree/cryptolens-nodes';
import type { TreeNode } from '../../src/tree/node';
import type { PagedParentNode } from '../../src/tree/paged-node';
import { RuntypeRootNode } from '../../src/tree/runtype-nodes';
import { UnkeyApiNode } from '../../src/tree/unkey-nodes';
import type { Emulator } from '../../test/emulator/server';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { createKeyscope } from '../lib/keyscope';

const SECTION = '4 hover';
/** Pages of rows shown per parent: the first and two "Load more…". */
const PAGES_SHOWN = 3;

function paths(emulator: Emulator): Record<string, number> {
  return emulator.requests.summary().byPath;
}

function sum(byPath: Record<string, number>, part: string): number {
  return Object.entries(byPath).reduce((total, [path, count]) => (path.includes(part) ? total + count : total), 0);
}

function describe(byPath: Record<string, number>): string {
  return Object.entries(byPath)
    .map(([path, count]) => `${path} ×${count}`)
    .join(', ');
}

/** Shows `pages` pages of a parent's rows and draws each row; returns the rows' status words. */
async function showRows(node: PagedParentNode<unknown>, pages: number): Promise<string[]> {
  for (let page = 1; page < pages && node.hasMore; page++) {
    await node.children();
    await node.loadMore();
  }
  const rows: TreeNode[] = await node.children();
  return rows.map((row) => row.toTreeItem()).flatMap((item: vscode.TreeItem) => (typeof item.tooltip === 'string' && item.tooltip.includes('Status: ') ? [item.tooltip.split('Status: ')[1]?.split(' —')[0] ?? ''] : []));
}

export async function treeHealthFigures(emulator: Emulator): Promise<Figure[]> {
  const keyscope = await createKeyscope(emulator.config);
  const figures: Figure[] = [];
  try {
    // Unkey: every configured API's first pages.
    emulator.requests.clear();
    let unkeyStatuses = 0;
    for (const apiId of emulator.config.unkey.apiIds) unkeyStatuses += (await showRows(new UnkeyApiNode(keyscope.usage, apiId) as PagedParentNode<unknown>, PAGES_SHOWN)).length;
    const unkey = paths(emulator);
    // The rows need their pages and the 30-day counts (one query); anything more is health's.
    const unkeyExtra = Object.values(unkey).reduce((a, b) => a + b, 0) - sum(unkey, 'apis.listKeys') - 1;
    figures.push(
      figure({
        section: SECTION,
        name: `tree health, Unkey (${emulator.config.unkey.apiIds.length} APIs, ${PAGES_SHOWN} pages each): extra requests`,
        value: unkeyExtra,
        unit: 'req',
        budget: exactly(0, '= 0'),
        note: `requests beyond the key pages and one usage query: ${describe(unkey)}; ${unkeyStatuses} rows with a status`,
      }),
    );

    // Runtype: the root's rows.
    emulator.requests.clear();
    const runtypeRows = await new RuntypeRootNode(keyscope.usage).children();
    const runtypeStatuses = runtypeRows.map((row) => row.toTreeItem()).filter((item) => typeof item.tooltip === 'string' && item.tooltip.includes('Status: ')).length;
    const runtype = paths(emulator);
    figures.push(
      figure({
        section: SECTION,
        name: 'tree health, Runtype: extra requests',
        value: Object.values(runtype).reduce((a, b) => a + b, 0) - 2,
        unit: 'req',
        budget: exactly(0, '= 0'),
        note: `requests beyond the analytics and the key list the rows show: ${describe(runtype)}; ${runtypeStatuses} rows with a status`,
      }),
    );

    // Cryptolens: each product's first pages, then the same again (a tree refresh within the cache lifetime).
    const { data } = emulator.cryptolens;
    for (const product of data.products) {
      const live = data.keys.filter((key) => key.productId === product.id && !key.deleted).length;
      const summaries = data.summaries.filter((summary) => summary.productId === product.id).length;
      const pages = Math.ceil(live / 99);
      emulator.requests.clear();
      const statuses = (await showRows(new ProductNode(keyscope.usage, product.id, summaries) as PagedParentNode<unknown>, PAGES_SHOWN)).length;
      const first = paths(emulator);
      emulator.requests.clear();
      await showRows(new ProductNode(keyscope.usage, product.id, summaries) as PagedParentNode<unknown>, PAGES_SHOWN);
      const again = paths(emulator);
      figures.push(
        figure({
          section: SECTION,
          name: `tree health, Cryptolens product ${product.id} (${live.toLocaleString('en-US')} keys, ${PAGES_SHOWN} pages of rows): extra requests`,
          value: sum(first, 'product/GetKeys'),
          unit: 'req',
          budget: atMost(pages, 'req'),
          note: `⌈${live}/99⌉ = ${pages}; requests: ${describe(first)}; ${statuses} rows with a status`,
        }),
        figure({
          section: SECTION,
          name: `tree health, Cryptolens product ${product.id}, shown again within the cache lifetime: extra requests`,
          value: sum(again, 'product/GetKeys'),
          unit: 'req',
          budget: exactly(0, '= 0'),
          note: describe(again) || 'no requests',
        }),
      );
    }
  } finally {
    await keyscope.close();
  }
  return figures;
}
