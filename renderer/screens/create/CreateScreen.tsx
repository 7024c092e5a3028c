// Create: a prompt, a model, its settings and reference images, then Generate. The form is the
// shared draft (renderer/state/draft-state.ts), so Library actions can fill it, and it never
// locks: several jobs can be sent while the person keeps working.
import { useEffect, useMemo, useRef } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import { catalogStore, loadCatalog } from '../../state/catalog-state';
import { draftStore, updateDraft } from '../../state/draft-state';
import { useStore } from '../../state/external-store';
import { jobsStore } from '../../state/jobs-state';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import './blob-previews';
import './create.css';
import { defaultModel, draftForModel, findModel, type ModelRef } from './model-choice';
import { ModelPicker } from './ModelPicker';
import { ModelSummary } from './ModelSummary';
import { ParameterForm } from './ParameterForm';
import { estimateCost } from './price-estimate';
import { PromptField } from './PromptField';
import { RecentJobs } from './RecentJobs';
import { checkReferences } from './reference-checks';
import { ReferenceTray } from './ReferenceTray';
import { SubmitBar } from './SubmitBar';
import { buildRequest, type BuiltRequest } from './submit-request';
import { useReferenceIntake } from './use-reference-intake';
import { useSubmit } from './use-submit';

export function CreateScreen() {
  const catalog = useStore(catalogStore);
  const draft = useStore(draftStore);
  const providers = catalog.data;
  const selected = findModel(providers, draft.provider, draft.model);

  // A fresh form (or one naming a model the catalog no longer has) starts on a sensible model.
  useEffect(() => {
    if (!providers || selected) return;
    const fallback = defaultModel(providers);
    if (fallback) updateDraft(draftForModel(draftStore.get(), fallback, null));
  }, [providers, selected]);

  if (!selected) {
    return (
      <section className="screen create-screen">
        <header className="screen-header">
          <h1>Create</h1>
        </header>
        {catalog.status === 'error' ? (
          <Notice tone="error" title="The list of models did not load" action={<Button small icon="refresh" onClick={() => void loadCatalog()}>Try again</Button>}>
            {catalog.message}
          </Notice>
        ) : providers && providers.every((p) => p.models.length === 0) ? (
          <EmptyState icon="alert" title="No models are available">
            Easel found no image models to offer. Restarting the app usually brings the catalog back.
          </EmptyState>
        ) : (
          <div className="create-loading">
            <Spinner label="Loading models" /> Loading models…
          </div>
        )}
      </section>
    );
  }
  return <CreateForm selected={selected} providers={providers ?? []} />;
}

function CreateForm({ selected, providers }: { selected: ModelRef; providers: readonly ProviderView[] }) {
  const draft = useStore(draftStore);
  const jobs = useStore(jobsStore).data;
  const { provider, model } = selected;
  const intake = useReferenceIntake();
  const submitter = useSubmit(selected);

  const check = useMemo(() => checkReferences(draft.references, provider, model), [draft.references, provider, model]);
  // Shown once a submit was stopped, and live from then on, so each fix clears its line.
  const problems = submitter.attempted ? problemsOf(buildRequest(draft, provider, model)) : [];
  const lastSeed = useMemo(() => lastSeedOf(jobs, provider.id, model.id), [jobs, provider.id, model.id]);

  // Ctrl/⌘+Enter submits from anywhere on the screen; a dialog over it keeps its own keys.
  const submitRef = useRef(submitter.submit);
  useEffect(() => {
    submitRef.current = submitter.submit;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      // Keys held down repeat: each repeat would be another job, and another charge.
      if (event.repeat) {
        event.preventDefault();
        return;
      }
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      submitRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className={`screen create-screen${intake.dragging ? ' is-dragging' : ''}`} aria-labelledby="create-heading" {...intake.dropHandlers}>
      <header className="screen-header">
        <h1 id="create-heading">Create</h1>
      </header>
      <div className="create-layout">
        <div className="create-main">
          <div className="card create-panel">
            <PromptField
              kind="prompt"
              label="Prompt"
              value={draft.prompt}
              onChange={(prompt) => updateDraft({ prompt })}
              maxLength={model.promptMaxLength}
              placeholder="Describe the picture: subject, setting, light, style…"
              rows={5}
              autoFocus
            />
            {model.negativePrompt ? (
              <PromptField
                kind="negative"
                label="Negative prompt"
                value={draft.negativePrompt}
                onChange={(negativePrompt) => updateDraft({ negativePrompt })}
                placeholder="What to keep out of the picture (optional)"
                rows={2}
              />
            ) : null}
            <ReferenceTray model={model} references={draft.references} check={check} pending={intake.pending} dragging={intake.dragging} onFiles={intake.addFiles} />
          </div>
          <SubmitBar
            estimate={estimateCost(provider, model, draft.resolution, draft.count)}
            problems={problems}
            feedback={submitter.feedback}
            sending={submitter.sending}
            onSubmit={submitter.submit}
            onDismiss={submitter.dismiss}
          />
          <RecentJobs />
        </div>
        <aside className="create-side" aria-label="Model and parameters">
          <section className="card create-panel" aria-labelledby="create-model-heading">
            <h2 id="create-model-heading" className="create-panel-title">
              Model
            </h2>
            <ModelPicker providers={providers} selected={selected} onSelect={(next) => updateDraft(draftForModel(draftStore.get(), next, model))} />
            <ModelSummary selected={selected} />
          </section>
          <ParameterForm key={`${provider.id}/${model.id}`} model={model} draft={draft} lastSeed={lastSeed} />
        </aside>
      </div>
    </section>
  );
}

function problemsOf(built: BuiltRequest): string[] {
  return built.ok ? [] : built.problems;
}

/** The seed of the newest job of this model that had one: what "Reuse last" brings back. */
function lastSeedOf(jobs: ReadonlyMap<string, JobView> | null, providerId: string, modelId: string): number | null {
  let newest: JobView | null = null;
  for (const job of jobs?.values() ?? []) {
    if (job.request.provider !== providerId || job.request.model !== modelId || job.request.seed === undefined) continue;
    if (!newest || job.createdAt > newest.createdAt) newest = job;
  }
  return newest?.request.seed ?? null;
}
