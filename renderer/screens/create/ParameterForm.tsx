// The settings of one request, generated from the chosen model's catalog entry: only what that
// model accepts, with its real choices. Switching models swaps the whole form.
import type { ModelInfo } from '../../../shared/catalog';
import { updateDraft, type Draft } from '../../state/draft-state';
import { AspectShape } from './AspectShape';
import { ChipGroup } from './ChipGroup';
import { canonicalChoice } from './model-choice';
import { OpenParamsEditor } from './OpenParamsEditor';
import { ParamField } from './ParamField';
import { SeedField } from './SeedField';
import type { ParamValue } from './param-checks';

export function ParameterForm({ model, draft, lastSeed }: { model: ModelInfo; draft: Draft; lastSeed: number | null }) {
  const setParam = (key: string, value: ParamValue | undefined) => {
    const next = { ...draft.params };
    if (value === undefined) delete next[key];
    else next[key] = value;
    updateDraft({ params: next });
  };
  const nothing = !model.aspectRatios.length && !model.resolutions.length && model.counts.length <= 1 && !model.seed && !model.params.length && !model.openParams;

  return (
    <section className="card create-panel create-params" aria-labelledby="create-params-heading">
      {/* Not "Settings": that is a section of the app, one sidebar click away. */}
      <h2 id="create-params-heading" className="create-panel-title">
        Parameters
      </h2>
      {model.aspectRatios.length ? (
        <div className="field">
          <span className="field-label">Aspect ratio</span>
          <ChipGroup
            label="Aspect ratio"
            options={[{ value: null, label: 'Default', title: `${model.label}’s own default` }, ...model.aspectRatios.map((r) => ({ value: r as string | null, label: r, adornment: <AspectShape ratio={r} /> }))]}
            value={canonicalChoice(draft.aspectRatio, model.aspectRatios)}
            onChange={(aspectRatio) => updateDraft({ aspectRatio })}
          />
        </div>
      ) : null}
      {model.resolutions.length ? (
        <div className="field">
          <span className="field-label">Resolution</span>
          <ChipGroup
            label="Resolution"
            options={[{ value: null, label: 'Default', title: `${model.label}’s own default` }, ...model.resolutions.map((r) => ({ value: r as string | null, label: r }))]}
            value={canonicalChoice(draft.resolution, model.resolutions)}
            onChange={(resolution) => updateDraft({ resolution })}
          />
        </div>
      ) : null}
      {model.counts.length > 1 ? (
        <div className="field">
          <span className="field-label">Images</span>
          <ChipGroup label="Images" options={model.counts.map((n) => ({ value: n, label: String(n) }))} value={draft.count} onChange={(count) => updateDraft({ count })} describedBy="create-count-hint" />
          {model.countMode === 'separate-jobs' && draft.count > 1 ? (
            <span className="field-hint create-hint-warn" id="create-count-hint">
              {draft.count} separate jobs at the vendor, each charged.
            </span>
          ) : (
            <span className="field-hint" id="create-count-hint">
              {model.countMode === 'separate-jobs' ? 'Each image is its own vendor job, each charged.' : 'Made together in one job.'}
            </span>
          )}
        </div>
      ) : null}
      {model.seed ? <SeedField seed={draft.seed} locked={draft.seedLocked} lastSeed={lastSeed} /> : null}
      {model.params.map((spec) => (
        <ParamField key={spec.key} spec={spec} value={draft.params[spec.key]} onChange={(value) => setParam(spec.key, value)} />
      ))}
      {model.openParams ? <OpenParamsEditor modelLabel={model.label} params={draft.params} onChange={(params) => updateDraft({ params })} /> : null}
      {nothing ? <p className="create-muted">{model.label} takes the prompt only.</p> : null}
    </section>
  );
}
