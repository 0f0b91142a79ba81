import { useState } from 'preact/hooks';
import type { ConfigResponse } from '../../shared/api.ts';
import type { Location } from '../../shared/desk-api.ts';
import { countsOfEntries, type CashEntries } from '../cash-entry.ts';
import { CashCounts } from '../components/cash-counts.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { deskApi } from '../desk-api.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';

interface ShiftOpenProps {
  config: ConfigResponse;
  show: (screen: Screen) => void;
}

/** The cashier picks where they work and counts the float into the drawer; then the payouts may start. */
export function ShiftOpenScreen({ config, show }: ShiftOpenProps) {
  const loaded = useLoad(() => deskApi.locations(), []);
  const locations = loaded.loaded?.locations.filter((location) => !location.disabled) ?? null;
  const [chosen, setChosen] = useState('');
  const [entries, setEntries] = useState<CashEntries>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const locationId = chosen !== '' ? chosen : locations?.length === 1 ? (locations[0]?.id ?? '') : '';
  const float = countsOfEntries(entries, config.currencies, false);
  const ready = locationId !== '' && float !== null && !busy;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!ready || float === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await deskApi.openShift(locationId, float);
      show({ name: 'amount' });
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  }

  return (
    <ScreenFrame name="shift-open" title={t('open.title')} onBack={() => show({ name: 'shift' })}>
      {loaded.failure && <FailureAlert failure={loaded.failure} />}
      {!locations && !loaded.failure && <Progress label={t('open.loading')} />}
      {locations?.length === 0 && <p class="alert alert--warning">{t('open.noLocations')}</p>}
      {locations && locations.length > 0 && (
        <form class="form" data-testid="shift-open-form" onSubmit={submit}>
          <LocationSelect locations={locations} value={locationId} onChange={setChosen} />
          <CashCounts idPrefix="float" currencies={config.currencies} legend={(currency) => t('open.float', { currency })} entries={entries} onChange={setEntries} />
          {failure && <FailureAlert failure={failure} />}
          {busy ? (
            <Progress label={t('open.busy')} />
          ) : (
            <button type="submit" class="button button--primary" data-testid="shift-open-submit" disabled={!ready}>
              {t('open.submit')}
            </button>
          )}
        </form>
      )}
    </ScreenFrame>
  );
}

function LocationSelect({ locations, value, onChange }: { locations: Location[]; value: string; onChange: (id: string) => void }) {
  return (
    <div class="field">
      <label for="shift-location">{t('shift.location')}</label>
      <select id="shift-location" data-testid="shift-location-select" required value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {value === '' && <option value="">{t('open.chooseLocation')}</option>}
        {locations.map((location) => (
          <option key={location.id} value={location.id}>
            {location.name}
          </option>
        ))}
      </select>
    </div>
  );
}
