// Fields a flow hands the keyboard to once it has moved the person somewhere: the prompt on
// Create, the first key field in Settings. They carry data-focus-target; focusSoon finds the
// one on screen after the next frame, when the screen just navigated to has rendered.
export type FocusTarget = 'prompt' | 'key';

export function focusSoon(target: FocusTarget): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus-target="${target}"]`)?.focus());
}
