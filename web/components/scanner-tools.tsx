import { t } from '../i18n/index.ts';
import type { useScanner } from '../use-scanner.ts';

interface ScannerToolsProps {
  scanner: ReturnType<typeof useScanner>;
  manualShown: boolean;
  onManual: () => void;
}

/** Torch and camera switch where the device has them, and manual entry until its field is shown: each one tap away. */
export function ScannerTools({ scanner, manualShown, onManual }: ScannerToolsProps) {
  if (!scanner.torchSupported && !scanner.canSwitchCamera && manualShown) return null;
  return (
    <div class="tools">
      {scanner.torchSupported && (
        <button
          type="button"
          class={scanner.suggestTorch ? 'button button--primary' : 'button button--secondary'}
          data-testid="torch-toggle"
          aria-pressed={scanner.torchOn}
          onClick={scanner.toggleTorch}
        >
          {scanner.torchOn ? t('scan.torchOff') : t('scan.torchOn')}
        </button>
      )}
      {scanner.canSwitchCamera && (
        <button type="button" class="button button--secondary" onClick={scanner.switchCamera}>
          {t('scan.switchCamera')}
        </button>
      )}
      {!manualShown && (
        <button type="button" class="button button--secondary" data-testid="manual-entry-open" onClick={onManual}>
          {t('scan.manual')}
        </button>
      )}
    </div>
  );
}
