// What the chosen model does, how long it usually takes, and what it needs before it can run
// (a key, an address), with the way to Settings when something is missing.
import { go } from '../../state/navigation-state';
import { Notice } from '../../ui/Notice';
import type { ModelRef } from './model-choice';
import { providerReady } from './model-groups';
import { isFree, priceLabel } from './price-estimate';

const CAPABILITY: Record<string, string> = { 'text-to-image': 'Text to image', 'image-to-image': 'Edits pictures' };

function typicalTime(seconds: number): string {
  return seconds < 90 ? `about ${Math.round(seconds)} s` : `about ${Math.round(seconds / 60)} min`;
}

export function ModelSummary({ selected }: { selected: ModelRef }) {
  const { provider, model } = selected;
  const settingsLink = (
    <button type="button" className="btn btn-small btn-secondary" onClick={() => go('settings')}>
      Open Settings
    </button>
  );
  return (
    <div className="create-model-summary">
      <p className="create-model-description">{model.description}</p>
      <div className="create-model-facts">
        <span className={`badge${isFree(provider, model) ? ' badge-ok' : model.price?.credits !== undefined || model.price?.byResolution ? ' badge-accent' : ''}`}>{priceLabel(provider, model)}</span>
        {model.capabilities.map((c) => (
          <span key={c} className="badge">
            {CAPABILITY[c] ?? c}
          </span>
        ))}
        <span className="create-muted">Usually {typicalTime(model.typicalSeconds)}</span>
      </div>
      {!providerReady(provider) ? (
        <Notice tone="warning" title={`${provider.label} needs a key`}>
          <p className="create-notice-text">Add your {provider.keyAccount === 'unified' ? 'Unified' : provider.keyAccount} key in Settings to run this model. The sandbox works without one.</p>
          {settingsLink}
        </Notice>
      ) : provider.baseUrl === null ? (
        <Notice tone="warning" title={`${provider.label} needs its address`}>
          <p className="create-notice-text">This vendor has no public default address; set the one your account uses in Settings.</p>
          {settingsLink}
        </Notice>
      ) : null}
    </div>
  );
}
