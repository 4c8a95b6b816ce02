// One workbench per test file: opened before its tests, closed after them.
import { after, before } from 'node:test';
import { openWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

/** Registers the file's before/after hooks; the returned function gives the open workbench. */
export function useWorkbench(options: WorkbenchOptions | (() => Promise<WorkbenchOptions>) = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await openWorkbench(typeof options === 'function' ? await options() : options);
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
}
