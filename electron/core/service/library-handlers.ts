// library.*: the gallery's queries and the actions on one picture. Actions name pictures by id
// and take their paths from the library; deleting is always a move to the OS trash.
import { existsSync } from 'node:fs';
import type { LibraryItem } from '../library/library';
import { itemFromSidecar } from '../library/library-item';
import { EaselError, toEaselError } from '../errors/easel-error';
import { readPictureRecord } from './picture-record';
import { toLibraryItemView, toPictureDetailView } from './library-views';
import type { HandlersFor, ServiceContext } from './service-context';

const DRAG_ICON_WAIT_MS = 150;

function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref?.());
}

export function libraryHandlers(context: ServiceContext): HandlersFor<'library'> {
  const { library } = context.core;
  const view = (item: LibraryItem) => toLibraryItemView(item, library.root, context.mediaBase);

  const requireItem = (imageId: string): LibraryItem => {
    const item = library.get(imageId);
    if (!item) throw new EaselError('NOT_FOUND', 'That picture is not in the library any more.');
    return item;
  };

  return {
    async 'library.query'(input = {}) {
      const query = {
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.provider !== undefined ? { provider: input.provider } : {}),
        ...(input.model !== undefined ? { model: input.model } : {}),
        ...(input.favorite !== undefined ? { favorite: input.favorite } : {}),
        ...(input.from !== undefined ? { from: input.from } : {}),
        ...(input.to !== undefined ? { to: input.to } : {}),
        ...(input.limit !== undefined ? { limit: input.limit } : {}),
        ...(input.offset !== undefined ? { offset: input.offset } : {}),
      };
      return { items: library.search(query).map(view), total: library.count(query) };
    },

    async 'library.get'({ imageId }) {
      const indexed = library.get(imageId);
      if (!indexed) return null;
      const facts = await readPictureRecord(indexed, {
        jobCount: async (jobId) => (await context.core.runner.get(jobId))?.request.count ?? null,
      });
      // The sidecar is the record; the index may lag behind a change made to it outside Easel.
      const item = facts.sidecar ? itemFromSidecar(facts.sidecar, indexed.sidecarPath) : indexed;
      return toPictureDetailView(item, facts, library.root, context.mediaBase);
    },

    async 'library.favorite'({ imageId, favorite }) {
      const updated = await library.setFavorite(imageId, favorite);
      if (!updated) throw new EaselError('NOT_FOUND', 'That picture is not in the library any more.');
      context.events.publish('library.changed', { reason: 'updated', imageIds: [imageId] });
      return view(updated);
    },

    async 'library.trash'({ imageIds }) {
      const trashed: string[] = [];
      const failed: { imageId: string; message: string }[] = [];
      for (const imageId of new Set(imageIds)) {
        const item = library.get(imageId);
        if (!item) {
          failed.push({ imageId, message: 'That picture is not in the library any more.' });
          continue;
        }
        try {
          // Trash first, forget second: a picture the OS would not move stays in the gallery.
          await context.shell.trash([item.path, item.sidecarPath]);
        } catch (error) {
          if (existsSync(item.path)) {
            failed.push({ imageId, message: `It could not be moved to the trash: ${toEaselError(error).message}` });
            continue;
          }
          // The picture went and only its sidecar stayed behind: the picture is gone either way.
        }
        library.remove(imageId);
        trashed.push(imageId);
      }
      if (trashed.length > 0) context.events.publish('library.changed', { reason: 'removed', imageIds: trashed });
      return { trashed, failed };
    },

    async 'library.reveal'({ imageId }) {
      context.shell.reveal(requireItem(imageId).path);
      return null;
    },

    async 'library.copyImage'({ imageId }) {
      await context.shell.copyImage(requireItem(imageId).path);
      return null;
    },

    async 'library.startDrag'({ imageId }) {
      const item = requireItem(imageId);
      // The OS drag must start while the pointer is still down: a cached icon is instant, a new
      // one gets a moment, and otherwise the app icon stands in (the drag carries the file either way).
      const icon = await Promise.race([context.thumbnails.get(item.path, 64, 'png').catch(() => null), after(DRAG_ICON_WAIT_MS, null)]);
      context.shell.startDrag(item.path, icon);
      return null;
    },

    async 'library.reindex'() {
      const report = library.reindex();
      context.events.publish('library.changed', { reason: 'reindexed', imageIds: [] });
      return { indexed: report.indexed, skipped: report.skipped.length };
    },
  };
}
