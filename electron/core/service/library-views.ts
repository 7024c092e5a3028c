// LibraryItem → LibraryItemView: the item with its easel-media: addresses, without the sidecar
// path (the record beside the picture is the library's business, not the window's).
// LibraryItem + what its record says → PictureDetailView: the same, with the whole generation
// record (parameters, references, resolution, count, timings) for the detail view and Remix.
// Pure: the files were read by picture-record.ts.
import type { LibraryItemView, PictureDetailView, PictureReferenceView } from '../../../shared/contract-library';
import type { Reference, Sidecar } from '../../../shared/domain';
import type { LibraryItem } from '../library/library';
import { mediaUrlsFor } from './media-url';

export function toLibraryItemView(item: LibraryItem, libraryRoot: string, mediaBase: string): LibraryItemView {
  const { sidecarPath: _sidecar, ...rest } = item;
  return { ...rest, ...mediaUrlsFor(libraryRoot, item.path, mediaBase) };
}

/** What the disk says now about a file a picture was made from. */
export interface ReferenceFacts {
  onDisk: boolean;
  mime?: string;
  bytes?: number;
  /** The file is a picture of this library (its sidecar sits beside it). */
  library?: { imageId: string; prompt: string };
}

export interface PictureRecordFacts {
  /** The sidecar as read now; null when it could not be read (`problem` says why). */
  sidecar: Sidecar | null;
  problem?: string;
  /** `count` of the job's request, while the job's record exists. */
  jobCount: number | null;
  /** Highest index + 1 among the job's pictures found beside this one (this one included). */
  siblingCount: number;
  /** By file path, for the record's file references. */
  references: ReadonlyMap<string, ReferenceFacts>;
}

export function toPictureDetailView(item: LibraryItem, facts: PictureRecordFacts, libraryRoot: string, mediaBase: string): PictureDetailView {
  const { sidecar } = facts;
  const base = toLibraryItemView(item, libraryRoot, mediaBase);
  const count = Math.max(1, item.index + 1, facts.jobCount ?? facts.siblingCount);
  if (!sidecar) {
    return { ...base, params: {}, references: [], count, recordProblem: facts.problem ?? 'The record beside this picture could not be read.' };
  }
  return {
    ...base,
    ...(sidecar.resolution !== undefined ? { resolution: sidecar.resolution } : {}),
    params: { ...sidecar.params },
    references: sidecar.references.map((reference) => referenceView(reference, facts.references.get(referencePath(reference)), libraryRoot, mediaBase)),
    count,
    timings: {
      ...(sidecar.timings.submittedAt !== undefined ? { submittedAt: sidecar.timings.submittedAt } : {}),
      ...(sidecar.timings.completedAt !== undefined ? { completedAt: sidecar.timings.completedAt } : {}),
      savedAt: sidecar.timings.savedAt,
    },
  };
}

function referencePath(reference: Reference): string {
  return reference.kind === 'file' ? reference.path : '';
}

function referenceView(reference: Reference, facts: ReferenceFacts | undefined, libraryRoot: string, mediaBase: string): PictureReferenceView {
  if (reference.kind === 'url') return { kind: 'url', url: reference.url };
  // A picture of the library is shown by its thumbnail; other files are only named (the media
  // protocol serves nothing outside the library folder).
  const thumbUrl = facts?.library ? mediaUrlsFor(libraryRoot, reference.path, mediaBase).thumbUrl : '';
  return {
    kind: 'file',
    path: reference.path,
    name: baseName(reference.path),
    onDisk: facts?.onDisk ?? false,
    ...(facts?.mime !== undefined ? { mime: facts.mime } : {}),
    ...(facts?.bytes !== undefined ? { bytes: facts.bytes } : {}),
    ...(facts?.library && thumbUrl ? { library: { imageId: facts.library.imageId, prompt: facts.library.prompt, thumbUrl } } : {}),
  };
}

/** The last part of a path written on any system (a library may move between machines). */
function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}
