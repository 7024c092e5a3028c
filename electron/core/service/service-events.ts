// Events from the service (and from the host, for menu and notification clicks) to whoever shows
// the window. Each payload is parsed with the contract's event schema before any listener sees
// it, so every host forwards the same checked shape.
import { events, type EventName, type EventPayload, type Events } from '../../../shared/contract';
import type { z } from 'zod';

export type ServiceEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
export type ServiceListener = (event: ServiceEvent) => void;

export interface ServiceEvents {
  publish<E extends EventName>(event: E, payload: z.input<Events[E]>): void;
  subscribe(listener: ServiceListener): () => void;
}

export function createServiceEvents(log: (message: string) => void): ServiceEvents {
  const listeners = new Set<ServiceListener>();
  return {
    publish(event, payload) {
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        log(`Event ${event} dropped: its payload did not match the contract.`);
        return;
      }
      const message = { event, payload: parsed.data } as ServiceEvent;
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          log(`A listener for ${event} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
