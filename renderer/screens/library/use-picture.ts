// Everything the detail view shows about one picture: its whole generation record from
// library.get (the sidecar beside the picture: parameters, references, resolution, count,
// timings), reloaded when the library changes. The grid's entry stands in while it loads.
import { useEffect, useState } from 'react';
import type { LibraryItemView, PictureDetailView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';
import { useStore } from '../../state/external-store';
import { libraryVersion } from '../../state/library-state';

export interface Picture {
  /** What is known now: the record once loaded, the grid's entry before. undefined while nothing is; null once the library says it is gone. */
  item: LibraryItemView | null | undefined;
  /** The whole record: undefined while loading, null once the library says the picture is gone. */
  detail: PictureDetailView | null | undefined;
  error: string | null;
}

export function usePicture(imageId: string | null, known: LibraryItemView | undefined): Picture {
  const version = useStore(libraryVersion);
  const [loaded, setLoaded] = useState<{ id: string; detail: PictureDetailView | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (imageId === null) return;
    let live = true;
    setError(null);
    easel()
      .library.get({ imageId })
      .then((detail) => live && setLoaded({ id: imageId, detail }))
      .catch((caught: unknown) => live && setError(errorOf(caught).message));
    return () => {
      live = false;
    };
  }, [imageId, version]);

  const detail = loaded?.id === imageId ? loaded.detail : undefined;
  const item = detail !== undefined ? detail : known?.imageId === imageId ? known : undefined;
  return { item, detail, error };
}
