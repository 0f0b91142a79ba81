import type { Cashout } from '../shared/api.ts';
import { DemoBanner } from './components/demo-banner.tsx';
import { OfflineNotice } from './components/offline-notice.tsx';
import { TopBar } from './components/top-bar.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { screenForCashout, type FlowControl } from './flow.ts';
import { ScreenRouter } from './screen-router.tsx';
import type { Settings } from './settings.ts';
import type { Storage } from './storage.ts';
import type { ServiceWorkerUpdates } from './update.ts';
import { useCurrentCashout } from './use-current-cashout.ts';
import { useDeferredScreens } from './use-deferred-screens.ts';
import { useOnline } from './use-online.ts';
import { useScreen } from './use-screen.ts';
import { useSession } from './use-session.ts';
import { useSettings } from './use-settings.ts';
import { useUpdateOffer } from './use-update-offer.ts';

interface AppProps {
  storage: Storage;
  updates: ServiceWorkerUpdates | null;
  initialSettings: Settings;
}

export function App({ storage, updates, initialSettings }: AppProps) {
  const [settings, changeSettings] = useSettings(initialSettings);
  const online = useOnline();
  const { screen, serial, show } = useScreen();
  const current = useCurrentCashout(storage);
  const { session, demo, boot, signedIn, signedOut } = useSession({ online, resume: current.resume, show });
  const deferred = useDeferredScreens(session.phase === 'signed-in');
  const update = useUpdateOffer(updates, {
    screen: session.phase === 'signed-in' ? screen.name : session.phase,
    cashoutInProgress: current.remembered,
  });

  const flow: FlowControl = {
    show,
    started(cashout: Cashout) {
      current.remember(cashout.id);
      show(screenForCashout(cashout));
    },
    finish(notice, prefill) {
      current.forget();
      show({ name: 'amount', notice, prefill });
    },
  };

  return (
    <div class="app">
      <header class="app__header no-print">
        {demo && <DemoBanner />}
        {!online && <OfflineNotice />}
        {update.offer && <UpdatePrompt onAccept={() => updates?.applyUpdate()} />}
        {session.phase === 'signed-in' && screen.name === 'amount' && <TopBar user={session.user} onOpen={(target) => show({ name: target })} />}
      </header>
      {/* A new screen is a new element: the banner that arrives with it moves nothing already shown. */}
      <div class="app__screen" key={`${session.phase}:${serial}`}>
        <ScreenRouter
          session={session}
          screen={screen}
          deferred={deferred}
          flow={flow}
          settings={settings}
          storage={storage}
          onSettings={changeSettings}
          onSignedIn={signedIn}
          onSignedOut={signedOut}
          onRetry={boot}
          onHomeBusy={update.setBusy}
        />
      </div>
    </div>
  );
}
