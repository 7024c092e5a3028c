// The seed: a new random one for every job (recorded with each picture), a fixed one typed or
// kept, or the one the last job of this model used, to make a variation of a picture you liked.
import { useId } from 'react';
import { updateDraft } from '../../state/draft-state';
import { Button } from '../../ui/Button';
import { ChipGroup } from './ChipGroup';

export function SeedField({ seed, locked, lastSeed }: { seed: number | null; locked: boolean; lastSeed: number | null }) {
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        Seed
      </span>
      <div className="create-seed-row">
        <ChipGroup
          label="Seed"
          options={[
            { value: false, label: 'Random', title: 'A new seed for every job' },
            { value: true, label: 'Fixed', title: 'The same seed for every job' },
          ]}
          value={locked}
          onChange={(next) => updateDraft({ seedLocked: next, ...(next && seed === null && lastSeed !== null ? { seed: lastSeed } : {}) })}
        />
        <Button
          small
          variant="ghost"
          icon="refresh"
          disabled={lastSeed === null}
          title={lastSeed === null ? 'No earlier job of this model has a seed yet' : `Use ${lastSeed}, the seed of the last job of this model`}
          onClick={() => updateDraft({ seed: lastSeed, seedLocked: true })}
        >
          Reuse last
        </Button>
      </div>
      {locked ? (
        <input
          className="input create-seed-input"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          aria-labelledby={`${id}-label`}
          placeholder="Type a seed"
          value={seed ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            updateDraft({ seed: Number.isFinite(n) && n >= 0 ? n : null });
          }}
        />
      ) : (
        <span className="field-hint">A new seed for each job; every picture records its own.</span>
      )}
    </div>
  );
}
