// Registers one ipcMain handler per contract channel: sender check first, then the shared
// dispatch (input parse, service call, output parse, envelope). A refused sender gets a typed
// FORBIDDEN_SENDER answer, so a page never hangs and never learns why beyond that.
import type { IpcMain } from 'electron';
import { CHANNELS, type BridgeResult } from '../../shared/contract-channels';
import { dispatchChannel } from '../core/service/channel-dispatch';
import type { EaselService } from '../core/service/easel-service';
import { checkSender, type SenderEvent } from './ipc-sender';

export interface BridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  service: Pick<EaselService, 'handlers' | 'secrets'>;
  /** The main window's webContents, read at each call (the window can be re-created on macOS). */
  expectedSender: () => unknown;
  log: (message: string) => void;
}

export const FORBIDDEN_SENDER: BridgeResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'Only Easel’s own window may call Easel.' },
};

/** Returns a function that removes every handler again. */
export function registerContractHandlers(options: BridgeOptions): () => void {
  for (const channel of CHANNELS) {
    options.ipcMain.handle(channel, async (event: SenderEvent, input: unknown) => {
      const sender = checkSender(event, options.expectedSender() ?? undefined);
      if (!sender.ok) {
        options.log(`Refused ${channel}: ${sender.reason}.`);
        return FORBIDDEN_SENDER;
      }
      return dispatchChannel(options.service.handlers, channel, input, { secrets: options.service.secrets, log: options.log });
    });
  }
  return () => {
    for (const channel of CHANNELS) options.ipcMain.removeHandler(channel);
  };
}
