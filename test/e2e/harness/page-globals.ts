// What the harness adds to the page besides window.easel: the binding to the core in the test
// process, the files a test registered (their "paths on disk"), and the event dispatcher the
// fixture's event pump calls. Shared by the page-side bridge and the test-side helpers.
import type { BridgeResult } from '../../../shared/contract-channels';

export interface HarnessHooks {
  /** Delivers one service event to the page's easel.on listeners (the fixture's event pump). */
  emit(event: string, payload: unknown): void;
  /** Marks a File as coming from disk at `path` (what webUtils.getPathForFile would answer). */
  registerFile(file: File, path: string): void;
}

export interface HarnessWindow {
  /** Bound by page.exposeBinding to dispatchChannel over the real service. */
  __easelInvoke?: (channel: string, input: unknown) => Promise<BridgeResult<unknown>>;
  /** file name → absolute path, filled by tests (or by dropFiles / pasteImage). */
  __easelTestFiles: Record<string, string>;
  __easelHarness?: HarnessHooks;
}
