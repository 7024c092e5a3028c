// A value loaded from a channel: its data, whether it is loading, and the error a person
// should read when it failed.
export type Remote<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; message: string };

export const loading = <T,>(data: T | null = null): Remote<T> => ({ status: 'loading', data });
