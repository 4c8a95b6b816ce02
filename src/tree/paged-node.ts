import * as vscode from 'vscode';
import type { Page } from '../vendors/model';
import { describeError } from '../usage/describe-error';
import type { PagedNode } from './keys-tree';
import { emptyNode, LOAD_MORE_COMMAND, loadMoreNode, MessageNode } from './message-node';
import type { TreeNode } from './node';
import { PagedList } from './paged-list';

/**
 * A parent whose children come a page at a time: the first page shows at once, "Load more…" asks
 * for the next, and a failed page leaves what is loaded in place with an error node that retries.
 */
export abstract class PagedParentNode<T> implements PagedNode {
  private readonly list: PagedList<T>;
  private lastError: string | undefined;

  constructor(readonly id: string) {
    this.list = new PagedList((cursor) => this.fetchPage(cursor));
  }

  abstract toTreeItem(): vscode.TreeItem;
  protected abstract fetchPage(cursor: string | undefined): Promise<Page<T>>;
  protected abstract toNode(item: T): TreeNode;
  protected abstract get emptyLabel(): string;

  async children(): Promise<TreeNode[]> {
    // The first page's failure propagates: the tree shows it as this node's error (click to retry).
    const items = await this.list.first();
    const nodes = items.map((item) => this.toNode(item));
    if (this.lastError) {
      nodes.push(
        new MessageNode(`${this.id}/error`, this.lastError, 'error', {
          title: vscode.l10n.t('Retry'),
          command: LOAD_MORE_COMMAND,
          arguments: [this.id],
        }),
      );
    } else if (this.list.hasMore) {
      nodes.push(loadMoreNode(this.id));
    }
    if (nodes.length === 0) nodes.push(emptyNode(this.id, this.emptyLabel));
    return nodes;
  }

  get hasMore(): boolean {
    return this.list.hasMore && this.lastError === undefined;
  }

  async loadMore(): Promise<void> {
    try {
      await this.list.more();
      this.lastError = undefined;
    } catch (error) {
      this.lastError = describeError(error);
    }
  }
}

