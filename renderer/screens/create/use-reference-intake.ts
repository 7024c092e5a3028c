// Where references come in: files or library pictures dropped anywhere on the Create screen,
// and pictures pasted while it is open (a paste of text into a text field stays a text paste).
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { addReferences } from '../../state/draft-state';
import { EASEL_IMAGE_TYPE } from '../library/picture-drag';
import { fromClipboardFile, fromDiskFile, fromLibraryDrag } from './reference-intake';

export interface ReferenceIntake {
  dragging: boolean;
  pending: number;
  addFiles(files: readonly File[]): void;
  dropHandlers: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

/** A drag Create takes: files from the OS, or a picture from the Library (not a tile being reordered). */
export function isReferenceDrag(data: DataTransfer): boolean {
  return data.types.includes('Files') || data.types.includes(EASEL_IMAGE_TYPE);
}

function isIntake(event: DragEvent): boolean {
  return isReferenceDrag(event.dataTransfer);
}

/**
 * Turns a drop into references on the draft: a Library picture at once, files once read and
 * checked. Resolves when every one is on the draft (refused ones included, with their reason).
 */
export async function takeReferenceDrop(data: DataTransfer): Promise<void> {
  const library = data.getData(EASEL_IMAGE_TYPE);
  if (library) {
    const reference = fromLibraryDrag(library);
    if (reference) addReferences([reference]);
    return;
  }
  const files = Array.from(data.files);
  if (files.length) addReferences(await Promise.all(files.map(fromDiskFile)));
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(target.type));
}

export function useReferenceIntake(): ReferenceIntake {
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState(0);
  // dragenter/dragleave fire for every child crossed; count them to know when the drag left.
  const depth = useRef(0);

  const addFiles = useCallback((files: readonly File[]) => {
    if (files.length) void Promise.all(files.map(fromDiskFile)).then(addReferences);
  }, []);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      const files = Array.from(data?.files ?? []);
      if (!data || files.length === 0) return;
      // Copying from a document often puts both text and a picture of it on the clipboard;
      // in a text field, the person meant the text.
      if (isTextField(event.target) && data.types.includes('text/plain')) return;
      event.preventDefault();
      setPending((n) => n + 1);
      void Promise.all(files.map(fromClipboardFile))
        .then(addReferences)
        .finally(() => setPending((n) => n - 1));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const dropHandlers = {
    onDragEnter(event: DragEvent) {
      if (!isIntake(event)) return;
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(event: DragEvent) {
      if (!isIntake(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(event: DragEvent) {
      if (!isIntake(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(event: DragEvent) {
      if (!isIntake(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = event.dataTransfer.files.length;
      if (files) setPending((n) => n + 1);
      void takeReferenceDrop(event.dataTransfer).finally(() => {
        if (files) setPending((n) => n - 1);
      });
    },
  };

  return { dragging, pending, addFiles, dropHandlers };
}
