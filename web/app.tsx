import { useEffect, useState } from 'preact/hooks';
import type { Cashout, ConfigResponse, User } from '../shared/api.ts';
import { api, ApiError } from './api.ts';
import { DemoBanner } from './components/demo-banner.tsx';
import { OfflineNotice } from './components/offline-notice.tsx';
import { TopBar } from './components/top-bar.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { isOnline, onConnectivityChange } from './connectivity.ts';
import { screenForCashout, screenToResume, type FlowControl, type Screen } from './flow.ts';
import { setLanguage } from './i18n/index.ts';
import { AmountScreen } from './screens/amount.tsx';
import { BootScreen } from './screens/boot.tsx';
import { OfflineScreen } from './screens/offline.tsx';
import { SignInScreen } from './screens/signin.tsx';
import { saveSettings, type Settings } from './settings.ts';
import type { Storage } from './storage.ts';
import { shouldOfferUpdate, type ServiceWorkerUpdates } from './update.ts';
import { useDeferredScreens, type DeferredScreens } from './use-deferred-screens.ts';

interface AppProps {
  storage: Storage;
  updates: ServiceWorkerUpdates | null;
  initialSettings: Settings;
}

/** A remembered cash-out that these answers say is gone for this cashier: forget it rather than retry. */
const forgetOn = new Set(['NOT_FOUND', 'FORBIDDEN']);

export function App({ storage, updates, initialSettings }: AppProps) {
  const [screen, setScreen] = useState<Screen>({ name: 'boot' });
  const [serial, setSerial] = useState(0);
  const [user, setUser] = useState<User | null>(null);
  const [config, setConfig] = useState<ConfigResponse | null>(null);
  const [demo, setDemo] = useState(false);
  const [settings, setSettings] = useState(initialSettings);
  const [online, setOnline] = useState(isOnline);
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [homeBusy, setHomeBusy] = useState(false);
  const [cashoutRemembered, setCashoutRemembered] = useState(false);
  const deferred = useDeferredScreens(user !== null);

  /** Every change of screen mounts a fresh screen, so no wait or tick-box carries over. */
  function show(next: Screen) {
    setScreen(next);
    setSerial((count) => count + 1);
  }

  function forgetCashout() {
    setCashoutRemembered(false);
    storage.forgetCurrentCashout().catch(() => undefined);
  }

  const flow: FlowControl = {
    show,
    started(cashout: Cashout) {
      setCashoutRemembered(true);
      storage.rememberCurrentCashout(cashout.id).catch(() => undefined);
      show(screenForCashout(cashout));
    },
    finish(notice) {
      forgetCashout();
      show({ name: 'amount', notice });
    },
  };

  async function resumeScreen(): Promise<Screen> {
    const id = await storage.currentCashoutId().catch(() => null);
    setCashoutRemembered(id !== null);
    if (id === null) return { name: 'amount' };
    try {
      const resumed = screenToResume(await api.cashout(id));
      if (resumed) return resumed;
    } catch (error) {
      if (!(error instanceof ApiError && forgetOn.has(error.code))) throw error;
    }
    forgetCashout();
    return { name: 'amount' };
  }

  async function enter(signedIn: User) {
    setUser(signedIn);
    const loaded = await api.config();
    setConfig(loaded);
    setDemo(loaded.demo);
    show(await resumeScreen());
  }

  function bootFailed(error: unknown) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      setUser(null);
      show({ name: 'signin' });
      api.health().then((health) => setDemo(health.mode === 'demo'), () => undefined);
      return;
    }
    show({ name: 'offline' });
  }

  function boot() {
    show({ name: 'boot' });
    api.session().then(({ user: signedIn }) => enter(signedIn)).catch(bootFailed);
  }

  function signedIn(signedInUser: User) {
    show({ name: 'boot' });
    enter(signedInUser).catch(bootFailed);
  }

  function signedOut() {
    setUser(null);
    setConfig(null);
    show({ name: 'signin' });
  }

  function changeSettings(next: Settings) {
    saveSettings(next);
    setLanguage(next.language);
    setSettings(next);
  }

  useEffect(boot, []);
  useEffect(() => onConnectivityChange(setOnline), []);
  useEffect(() => updates?.onUpdateWaiting(() => setUpdateWaiting(true)), []);
  useEffect(() => {
    if (online && screen.name === 'offline') boot();
  }, [online]);

  const offerUpdate =
    updates !== null && shouldOfferUpdate({ updateWaiting, screen: screen.name, cashoutInProgress: cashoutRemembered, busy: homeBusy });

  function render() {
    switch (screen.name) {
      case 'boot':
        return <BootScreen />;
      case 'offline':
        return <OfflineScreen onRetry={boot} />;
      case 'signin':
        return <SignInScreen language={settings.language} onLanguage={(language) => changeSettings({ ...settings, language })} onSignedIn={signedIn} />;
      case 'amount':
        return config ? <AmountScreen config={config} flow={flow} notice={screen.notice} onBusyChange={setHomeBusy} /> : <BootScreen />;
      default:
        return deferred && user && config ? renderDeferred(deferred, screen, user, config) : <BootScreen />;
    }
  }

  function renderDeferred(screens: DeferredScreens, current: Screen, signedInUser: User, loadedConfig: ConfigResponse) {
    switch (current.name) {
      case 'scan':
        return <screens.ScanScreen cashout={current.cashout} notice={current.notice} refused={current.refused} flow={flow} settings={settings} />;
      case 'verify':
        return <screens.VerifyScreen cashout={current.cashout} notice={current.notice} config={loadedConfig} flow={flow} />;
      case 'checking':
        return <screens.CheckingScreen cashout={current.cashout} notice={current.notice} flow={flow} />;
      case 'give-cash':
        return <screens.GiveCashScreen cashout={current.cashout} flow={flow} />;
      case 'error':
        return <screens.ErrorScreen failure={current.failure} cashout={current.cashout} next={current.next} refused={current.refused} flow={flow} />;
      case 'history':
        return <screens.HistoryScreen user={signedInUser} storage={storage} show={show} />;
      case 'report':
        return <screens.ReportScreen show={show} />;
      case 'settings':
        return <screens.SettingsScreen user={signedInUser} settings={settings} onChange={changeSettings} onSignedOut={signedOut} show={show} />;
      default:
        return <BootScreen />;
    }
  }

  return (
    <div class="app">
      <header class="app__header no-print">
        {demo && <DemoBanner />}
        {!online && <OfflineNotice />}
        {offerUpdate && <UpdatePrompt onAccept={() => updates.applyUpdate()} />}
        {screen.name === 'amount' && user && <TopBar user={user} onOpen={(target) => show({ name: target })} />}
      </header>
      <div class="app__screen" key={serial}>
        {render()}
      </div>
    </div>
  );
}
