import { t } from '../i18n/index.ts';
import type { useScanner } from '../use-scanner.ts';

interface ScannerToolsProps {
  scanner: ReturnType<typeof useScanner>;
  manualShown: boolean;
  onManual: () => void;
}

/** Torch and camera switch where the device has them, and manual entry always: each one tap away. */
export function ScannerTools({ scanner, manualShown, onManual }: ScannerToolsProps) {
  return (
    <div class="tools">
      {scanner.torchSupported && (
        <button type="button" class="button button--secondary" aria-pressed={scanner.torchOn} onClick={scanner.toggleTorch}>
          {scanner.torchOn ? t('scan.torchOff') : t('scan.torchOn')}
        </button>
      )}
      {scanner.canSwitchCamera && (
        <button type="button" class="button button--secondary" onClick={scanner.switchCamera}>
          {t('scan.switchCamera')}
        </button>
      )}
      <button type="button" class="button button--secondary" data-testid="manual-entry-open" aria-expanded={manualShown} onClick={onManual}>
        {t('scan.manual')}
      </button>
    </div>
  );
}
