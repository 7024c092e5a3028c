// The sidebar's Create item as a drop target. A picture held over it from the Library (or files
// from the file manager) opens Create after a moment, so the drag can go on to the reference
// tray: only one section shows at a time, and Create is where references live. Dropped on the
// item itself, it becomes a reference at once and Create opens.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { go } from '../state/navigation-state';
import { isReferenceDrag, takeReferenceDrop } from '../screens/create/use-reference-intake';

/** How long a drag rests on the item before Create opens under it (Finder's spring-loading). */
const SPRING_MS = 600;

export interface CreateDropTarget {
  /** A reference drag is over the item. */
  armed: boolean;
  handlers: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

export function useCreateDropTarget(): CreateDropTarget {
  const [armed, setArmed] = useState(false);
  const spring = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const disarm = () => {
    clearTimeout(spring.current);
    spring.current = undefined;
    setArmed(false);
  };
  useEffect(() => () => clearTimeout(spring.current), []);

  return {
    armed,
    handlers: {
      onDragEnter(event) {
        if (!isReferenceDrag(event.dataTransfer)) return;
        event.preventDefault();
        setArmed(true);
        clearTimeout(spring.current);
        spring.current = setTimeout(() => go('create'), SPRING_MS);
      },
      onDragOver(event) {
        if (!isReferenceDrag(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave(event) {
        // Crossing from the button onto its own icon or label is not leaving it.
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        disarm();
      },
      onDrop(event) {
        if (!isReferenceDrag(event.dataTransfer)) return;
        event.preventDefault();
        disarm();
        go('create');
        void takeReferenceDrop(event.dataTransfer);
      },
    },
  };
}
