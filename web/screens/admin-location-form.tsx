import { useState } from 'preact/hooks';
import type { Location, UpdateLocationRequest } from '../../shared/desk-api.ts';
import { adminApi } from '../admin-api.ts';
import { locationNameProblem, payseraIdProblem } from '../admin-rules.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { useAction } from '../use-action.ts';
import { AdminPanel, TextField } from './admin-panel.tsx';

interface LocationFormProps {
  /** The location to change; without it the form adds a new one. */
  location?: Location;
  onSaved: (notice: string) => void;
}

/** Only what the administrator changed is sent; an emptied Paysera id is sent as null, which clears it. */
function changesOf(location: Location, name: string, payseraId: string): UpdateLocationRequest {
  const patch: UpdateLocationRequest = {};
  if (name.trim() !== location.name) patch.name = name.trim();
  if (payseraId.trim() !== (location.payseraLocationId ?? '')) patch.payseraLocationId = payseraId.trim() || null;
  return patch;
}

/** Add a location, or rename one and change or clear its Paysera location id; disable or enable it. */
export function LocationForm({ location, onSaved }: LocationFormProps) {
  const [name, setName] = useState(location?.name ?? '');
  const [payseraId, setPayseraId] = useState(location?.payseraLocationId ?? '');
  const [problems, setProblems] = useState<{ name: MessageKey | null; payseraId: MessageKey | null }>({ name: null, payseraId: null });
  const { busy, failure, run } = useAction();
  const unchanged = location !== undefined && Object.keys(changesOf(location, name, payseraId)).length === 0;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = { name: locationNameProblem(name), payseraId: payseraIdProblem(payseraId) };
    setProblems(found);
    if (found.name || found.payseraId) return;
    void run(async () => {
      if (location) await adminApi.updateLocation(location.id, changesOf(location, name, payseraId));
      else await adminApi.addLocation({ name: name.trim(), ...(payseraId.trim() !== '' && { payseraLocationId: payseraId.trim() }) });
      onSaved(t('locations.saved', { name: name.trim() }));
    });
  }

  function setDisabled(disabled: boolean) {
    if (!location) return;
    void run(async () => {
      await adminApi.updateLocation(location.id, { disabled });
      onSaved(t(disabled ? 'locations.disabledDone' : 'locations.enabledDone', { name: location.name }));
    });
  }

  return (
    <AdminPanel title={location ? t('locations.editTitle', { name: location.name }) : t('locations.add')} testId="location-form">
      <form class="form" noValidate onSubmit={submit}>
        <TextField
          id="locations-name"
          label={t('locations.name')}
          problem={problems.name}
          value={name}
          onInput={setName}
        />
        <TextField
          id="locations-paysera"
          label={t('locations.paysera')}
          hint={t('locations.payseraHint')}
          problem={problems.payseraId}
          value={payseraId}
          verbatim
          onInput={setPayseraId}
        />
        {failure && <FailureAlert failure={failure} />}
        {busy ? (
          <Progress label={t('admin.saving')} />
        ) : (
          <div class="tools">
            <button type="submit" class="button button--primary" data-testid="locations-save" disabled={unchanged}>
              {location ? t('locations.save') : t('locations.create')}
            </button>
            {location && (
              <button
                type="button"
                class="button button--secondary"
                data-testid={location.disabled ? 'locations-enable' : 'locations-disable'}
                onClick={() => setDisabled(!location.disabled)}
              >
                {t(location.disabled ? 'locations.enable' : 'locations.disable')}
              </button>
            )}
          </div>
        )}
      </form>
    </AdminPanel>
  );
}
