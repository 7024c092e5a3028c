// Service events to the window: each goes to the main window's main frame only, under its
// easel:event:<name> channel, with the payload the contract already checked.
import type { WebContents } from 'electron';
import { eventChannel } from '../../shared/contract-channels';
import type { EaselService } from '../core/service/easel-service';

export type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

export function forwardEventsToWindow(service: Pick<EaselService, 'subscribe'>, target: () => EventTarget | null): () => void {
  return service.subscribe(({ event, payload }) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
  });
}
