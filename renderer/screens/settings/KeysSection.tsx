import { useStore } from '../../state/external-store';
import { keysStore, loadKeys } from '../../state/keys-state';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { KeyAccountRow } from './KeyAccountRow';
import { KeyStorageNotice } from './KeyStorageNotice';
import { SettingsSection } from './SettingsSection';

export function KeysSection() {
  const keys = useStore(keysStore);
  const data = keys.data;
  return (
    <SettingsSection title="API keys" description="One key per vendor account. Easel sends a key only to its own vendor’s address.">
      {data ? (
        <>
          <KeyStorageNotice storage={data.storage} />
          <ul className="key-list" aria-label="Vendor accounts">
            {data.accounts.map((status) => (
              <KeyAccountRow key={status.account} status={status} canStore={data.storage.canStore} />
            ))}
          </ul>
        </>
      ) : null}
      {keys.status === 'loading' && !data ? (
        <p className="settings-loading">
          <Spinner label="Loading keys" /> Checking which keys are stored…
        </p>
      ) : null}
      {keys.status === 'error' ? (
        <Notice tone="error" title="The key list could not be read" action={<Button small onClick={() => void loadKeys()}>Try again</Button>}>
          {keys.message}
        </Notice>
      ) : null}
    </SettingsSection>
  );
}
