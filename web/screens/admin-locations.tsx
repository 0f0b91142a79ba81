import { useState } from 'preact/hooks';
import type { Location } from '../../shared/desk-api.ts';
import { adminApi } from '../admin-api.ts';
import { DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';
import { LocationForm } from './admin-location-form.tsx';
import { AdminNotice, DisabledMark } from './admin-panel.tsx';
import './admin.css';

type View = { kind: 'list'; notice?: string } | { kind: 'add' } | { kind: 'edit'; location: Location };

/** The shops and field agents' bags where shifts are opened, each with the Paysera location id its payouts carry. */
export function LocationsScreen({ show }: { show: (screen: Screen) => void }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [version, setVersion] = useState(0);
  const locations = useLoad(() => adminApi.locations(), [version]);

  function saved(notice: string) {
    setVersion((count) => count + 1);
    setView({ kind: 'list', notice });
  }

  return (
    <ScreenFrame
      name="locations"
      title={t('locations.title')}
      onBack={() => (view.kind === 'list' ? show({ name: 'settings' }) : setView({ kind: 'list' }))}
    >
      {view.kind === 'add' && <LocationForm onSaved={saved} />}
      {view.kind === 'edit' && <LocationForm location={view.location} onSaved={saved} />}
      {view.kind === 'list' && (
        <>
          {view.notice && <AdminNotice text={view.notice} />}
          <button type="button" class="button button--primary" data-testid="locations-add" onClick={() => setView({ kind: 'add' })}>
            {t('locations.add')}
          </button>
          {locations.failure && <FailureAlert failure={locations.failure} />}
          {!locations.loaded && !locations.failure && <Progress label={t('locations.loading')} />}
          {locations.loaded && <LocationList locations={locations.loaded.locations} onOpen={(location) => setView({ kind: 'edit', location })} />}
        </>
      )}
    </ScreenFrame>
  );
}

function LocationList({ locations, onOpen }: { locations: Location[]; onOpen: (location: Location) => void }) {
  if (locations.length === 0) return <p class="lead">{t('locations.empty')}</p>;
  return (
    <DataTable columns={[{ label: t('locations.name') }, { label: t('locations.payseraShort') }]}>
      {locations.map((location) => (
        <tr key={location.id} data-testid={`location-row-${location.name}`}>
          <td>
            <button type="button" class="row-open" data-testid={`location-open-${location.name}`} onClick={() => onOpen(location)}>
              {location.name}
            </button>
            {location.disabled && <DisabledMark />}
          </td>
          <td class="admin-code">{location.payseraLocationId ?? t('locations.noPaysera')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
