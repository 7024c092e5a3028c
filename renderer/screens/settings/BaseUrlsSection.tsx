import type { ProviderView } from '../../../shared/contract';
import { CONFIGURABLE_PROVIDERS, type ConfigurableProviderSchema } from '../../../shared/contract-settings';
import type { z } from 'zod';
import { catalogStore, loadCatalog } from '../../state/catalog-state';
import { useStore } from '../../state/external-store';
import { settingsStore } from '../../state/settings-state';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { BaseUrlField } from './BaseUrlField';
import { SettingsSection } from './SettingsSection';

type ConfigurableProvider = z.infer<typeof ConfigurableProviderSchema>;

function isConfigurable(provider: ProviderView): provider is ProviderView & { id: ConfigurableProvider } {
  return (CONFIGURABLE_PROVIDERS as readonly string[]).includes(provider.id);
}

export function BaseUrlsSection() {
  const catalog = useStore(catalogStore);
  const settings = useStore(settingsStore);
  const overrides: Partial<Record<ConfigurableProvider, string>> = settings.data?.settings.baseUrls ?? {};
  const providers = (catalog.data ?? []).filter(isConfigurable);
  return (
    <SettingsSection
      title="Providers"
      description="Where Easel sends each vendor’s requests. Leave a field empty to use the vendor’s address; set one for a proxy or a regional endpoint."
    >
      {providers.length > 0 && settings.data ? (
        <div className="base-url-list">
          {providers.map((provider) => (
            <BaseUrlField key={provider.id} provider={provider} stored={overrides[provider.id]} />
          ))}
        </div>
      ) : null}
      {catalog.status === 'loading' && providers.length === 0 ? (
        <p className="settings-loading">
          <Spinner label="Loading providers" /> Loading providers…
        </p>
      ) : null}
      {catalog.status === 'error' ? (
        <Notice tone="error" title="The providers could not be read" action={<Button small onClick={() => void loadCatalog()}>Try again</Button>}>
          {catalog.message}
        </Notice>
      ) : null}
    </SettingsSection>
  );
}
