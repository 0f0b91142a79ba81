import { useState } from 'preact/hooks';
import { localDate } from '../../shared/local-date.ts';
import { DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { deskApi } from '../desk-api.ts';
import type { Screen } from '../flow.ts';
import { formatTime, t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';

/** The shifts of a day, per location: every cashier's for a supervisor, the cashier's own otherwise (the server decides). */
export function ShiftsScreen({ show }: { show: (screen: Screen) => void }) {
  const [date, setDate] = useState(() => localDate(new Date()));
  const [locationId, setLocationId] = useState('');
  const locations = useLoad(() => deskApi.locations(), []);
  const shifts = useLoad(() => deskApi.shifts(date, locationId === '' ? null : locationId), [date, locationId]);
  const failure = shifts.failure ?? locations.failure;

  return (
    <ScreenFrame name="shifts" title={t('shifts.title')} onBack={() => show({ name: 'shift' })}>
      <div class="field field--inline">
        <label for="shifts-date">{t('report.date')}</label>
        <input id="shifts-date" type="date" value={date} required onChange={(event) => event.currentTarget.value !== '' && setDate(event.currentTarget.value)} />
      </div>
      <div class="field field--inline">
        <label for="shifts-location">{t('shift.location')}</label>
        <select id="shifts-location" data-testid="shifts-location" value={locationId} onChange={(event) => setLocationId(event.currentTarget.value)}>
          <option value="">{t('shifts.allLocations')}</option>
          {locations.loaded?.locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </select>
      </div>
      {failure && <FailureAlert failure={failure} />}
      {!shifts.loaded && !failure && <Progress label={t('shifts.loading')} />}
      {shifts.loaded?.shifts.length === 0 && <p class="lead">{t('shifts.empty')}</p>}
      {shifts.loaded && shifts.loaded.shifts.length > 0 && (
        <>
          <p data-testid="shifts-count">{t('shifts.count', { count: shifts.loaded.shifts.length })}</p>
          <DataTable columns={[{ label: t('shifts.openedBy') }, { label: t('shift.location') }, { label: t('z.status') }]}>
            {shifts.loaded.shifts.map((shift) => {
              const time = formatTime(shift.openedAt);
              return (
                <tr key={shift.id} data-testid="shifts-row">
                  <td>
                    <button
                      type="button"
                      class="row-open"
                      aria-label={t('shifts.openRow', { cashier: shift.cashier, location: shift.locationName, time })}
                      onClick={() => show({ name: 'z-report', shiftId: shift.id, back: 'shifts' })}
                    >
                      {time}
                    </button>
                    <span class="shifts__cashier">{shift.cashier}</span>
                  </td>
                  <td>{shift.locationName}</td>
                  <td>{t(`shiftStatus.${shift.status}`)}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </ScreenFrame>
  );
}
