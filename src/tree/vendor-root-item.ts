import * as vscode from 'vscode';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';

/** A vendor's top row: its name, expanded; its tree id is the vendor id. */
export function vendorRootItem(vendor: VendorId, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(VENDOR_NAMES[vendor], vscode.TreeItemCollapsibleState.Expanded);
  item.id = vendor;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = `vendor.${vendor}`;
  return item;
}
