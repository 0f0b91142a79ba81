import { useRef, useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { CancelButton } from '../components/cancel-button.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScannerTools } from '../components/scanner-tools.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { Failure } from '../failure.ts';
import { screenAfterReserveError, screenForCashout, type FlowControl } from '../flow.ts';
import { formatMoney, t } from '../i18n/index.ts';
import { codeFingerprint } from '../refused-codes.ts';
import type { Settings } from '../settings.ts';
import { withTriesLeft } from '../tries-left.ts';
import { useScanner } from '../use-scanner.ts';
import { ManualCodeForm } from './manual-code-form.tsx';

interface ScanProps {
  cashout: Cashout;
  notice?: Failure;
  /** Fingerprints of codes Paysera refused for good in this cash-out (refused-codes.ts). */
  refused?: readonly string[];
  flow: FlowControl;
  settings: Settings;
}

/**
 * The code goes from the camera (or the manual field) straight into one reserve request and is
 * not kept anywhere: not in state, not in the field, not after the request returns. The camera
 * still showing a code that was just refused is not sent again (it would spend one of the
 * cash-out's few attempts); a code typed by hand always is.
 */
export function ScanScreen({ cashout, notice, refused = [], flow, settings }: ScanProps) {
  const video = useRef<HTMLVideoElement>(null);
  const sent = useRef(false);
  const [phase, setPhase] = useState<'scanning' | 'reserving' | 'cancelling'>('scanning');
  const [manualOpen, setManualOpen] = useState(false);
  const [readRefusedAgain, setReadRefusedAgain] = useState(false);

  async function reserve(code: string, source: 'camera' | 'hand') {
    if (sent.current) return;
    sent.current = true;
    const fingerprint = codeFingerprint(code);
    if (source === 'camera' && refused.length > 0) {
      const seen = await fingerprint;
      if (seen !== null && refused.includes(seen)) {
        sent.current = false;
        setReadRefusedAgain(true);
        return;
      }
    }
    setPhase('reserving');
    try {
      flow.show(screenForCashout(await api.reserve(cashout.id, code)));
    } catch (error) {
      flow.show(await withTriesLeft(screenAfterReserveError(cashout, error, { fingerprint: await fingerprint, refused })));
    }
  }

  const scanner = useScanner(video, {
    active: phase === 'scanning',
    deviceId: settings.cameraId,
    sound: settings.sound,
    onCode: (code) => reserve(code, 'camera'),
  });

  // Without a camera the viewfinder would be an empty black box: the code field takes its place.
  const noCamera = scanner.problem !== null;
  const manualForm = <ManualCodeForm focus={manualOpen || noCamera} onCode={(code) => void reserve(code, 'hand')} />;

  return (
    <ScreenFrame name="scan" title={t('scan.title')} tone="dark">
      <p class="scan__amount">{t('scan.paying', { amount: formatMoney(cashout.amount, cashout.currency) })}</p>
      {notice && <FailureAlert failure={notice} noCash />}
      <div class="viewfinder" hidden={noCamera}>
        <video
          ref={video}
          class="viewfinder__video"
          data-testid="scan-video"
          muted
          playsInline
          autoplay
          aria-label={t('scan.video')}
          onPointerDown={scanner.focusAtTap}
        />
        <div class="viewfinder__frame" aria-hidden="true" />
      </div>
      {scanner.problem && (
        <p class="alert" role="alert">
          {t(`scanner.${scanner.problem}`)}
        </p>
      )}
      {readRefusedAgain && (
        <p class="alert" role="alert" data-testid="scan-refused-again">
          {t('scan.refusedAgain')}
        </p>
      )}
      {phase === 'reserving' ? (
        <Progress label={t('scan.reserving')} />
      ) : (
        <>
          {noCamera && manualForm}
          {scanner.starting && <Progress label={t('scan.starting')} />}
          {!noCamera && !scanner.starting && (
            <p class="hint" role="status" data-testid="scan-hint">
              {t(scanner.suggestTorch ? 'scan.dark' : scanner.tooClose ? 'scan.tooClose' : 'scan.hint')}
            </p>
          )}
          <ScannerTools scanner={scanner} manualShown={manualOpen || noCamera} onManual={() => setManualOpen(true)} />
          {!noCamera && manualOpen && manualForm}
          <CancelButton cashout={cashout} flow={flow} onStart={() => setPhase('cancelling')} />
        </>
      )}
    </ScreenFrame>
  );
}
