// Dragging a picture. Inside the window (grid → Create's references) the drag carries the
// picture's id, path, thumbnail and prompt under Easel's own type. Out of the window (to a file
// manager, a chat, an editor) only main can hand the OS the real file: the page cancels its own
// drag and asks main to start one.
import type { DragEvent } from 'react';
import type { LibraryItemView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';

export const EASEL_IMAGE_TYPE = 'application/x-easel-image';

export interface EaselImageDrag {
  imageId: string;
  path: string;
  thumbUrl: string;
  prompt: string;
}

export function startInAppDrag(event: DragEvent<HTMLElement>, item: LibraryItemView): void {
  const payload: EaselImageDrag = { imageId: item.imageId, path: item.path, thumbUrl: item.thumbUrl, prompt: item.prompt };
  event.dataTransfer.setData(EASEL_IMAGE_TYPE, JSON.stringify(payload));
  event.dataTransfer.setData('text/plain', item.prompt);
  event.dataTransfer.effectAllowed = 'copy';
}

/** For a "drag out" handle: the OS drag with the file itself, started by main. */
export function startOsDrag(event: DragEvent<HTMLElement>, imageId: string, onError: (message: string) => void): void {
  event.preventDefault();
  easel()
    .library.startDrag({ imageId })
    .catch((error: unknown) => onError(errorOf(error).message));
}
