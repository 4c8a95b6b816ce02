import * as vscode from 'vscode';
import { failureNode } from './message-node';
import type { TreeNode } from './node';

/** A parent whose children load a page at a time ("Load more…"). */
export interface PagedNode extends TreeNode {
  loadMore(): Promise<void>;
}

function isPaged(node: TreeNode | undefined): node is PagedNode {
  return node !== undefined && 'loadMore' in node;
}

/**
 * The `keyscope.keys` view's data. A failing parent shows one error node that retries on click;
 * every other node keeps what it has.
 */
export class KeysTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Nodes by id, so retry and load-more commands (which get an id) find their node. */
  private readonly known = new Map<string, TreeNode>();

  constructor(
    private readonly roots: () => Promise<TreeNode[]>,
    /** Shows work in progress on the view (the view's progress bar). */
    private readonly progress: <T>(work: () => Promise<T>) => Thenable<T>,
  ) {}

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const parentId = node?.id ?? 'root';
    let children: TreeNode[];
    try {
      children = await this.progress(async () => (node ? ((await node.children?.()) ?? []) : await this.roots()));
    } catch (error) {
      children = [failureNode(parentId, error)];
    }
    for (const child of children) this.known.set(child.id, child);
    return children;
  }

  getParent(): undefined {
    return undefined;
  }

  /** Reloads one node's children, or the whole tree. */
  refresh(id?: string): void {
    if (id === undefined) {
      this.known.clear();
      this.changed.fire(undefined);
      return;
    }
    this.changed.fire(this.known.get(id));
  }

  async loadMore(id: string): Promise<void> {
    const node = this.known.get(id);
    if (!isPaged(node)) return;
    await this.progress(() => node.loadMore());
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
