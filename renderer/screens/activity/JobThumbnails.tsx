// The pictures of one job: saved ones open in the Library; ones still on their way, or that
// could not be saved, hold their place so a partial result reads as partial.
import type { JobView } from '../../../shared/contract-jobs';
import { go } from '../../state/navigation-state';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/Spinner';

/** More tiles than this collapse into "+N": Activity is a list, not a gallery. */
const MAX_TILES = 8;

export function JobThumbnails({ job, live }: { job: JobView; live: boolean }) {
  // Tiles appear once the vendor has announced its results; before that the meta line says how
  // many are coming, and empty boxes would only make the list longer.
  const expected = job.results.length;
  if (expected === 0) return null;
  const shown = Math.min(expected, MAX_TILES);
  const tiles = Array.from({ length: shown }, (_, i) => job.results[i]);
  return (
    <ul className="job-thumbs" aria-label="Pictures">
      {tiles.map((result, i) => {
        const saved = result?.saved;
        if (saved) {
          return (
            <li key={saved.imageId}>
              <button type="button" className="job-thumb" onClick={() => go('library', { imageId: saved.imageId })} aria-label={`Open picture ${i + 1} in the Library`}>
                <img src={saved.thumbUrl} alt="" width={72} height={72} loading="lazy" decoding="async" />
              </button>
            </li>
          );
        }
        const failed = !live || result?.lastError !== undefined;
        return (
          <li key={`pending-${i}`}>
            <span className={`job-thumb job-thumb-pending${failed ? ' job-thumb-missing' : ''}`} title={failed ? 'Not saved' : 'On its way'}>
              {failed ? <Icon name="image" size={20} label="Not saved" /> : <Spinner label="Saving" />}
            </span>
          </li>
        );
      })}
      {expected > shown ? (
        <li>
          <span className="job-thumb job-thumb-more">+{expected - shown}</span>
        </li>
      ) : null}
    </ul>
  );
}
