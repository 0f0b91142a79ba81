import { decimalSeparator, t } from '../i18n/index.ts';
import type { KeypadKey } from '../keypad.ts';

const rows: KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['dot', '0', 'back'],
];

function label(key: KeypadKey): string {
  if (key === 'dot') return decimalSeparator();
  if (key === 'back') return '⌫';
  return key;
}

export function Keypad({ onKey, disabled }: { onKey: (key: KeypadKey) => void; disabled: boolean }) {
  return (
    <div class="keypad">
      {rows.flat().map((key) => (
        <button
          key={key}
          type="button"
          class="keypad__key"
          data-testid={`key-${key}`}
          aria-label={key === 'dot' ? t('key.dot') : key === 'back' ? t('key.back') : undefined}
          disabled={disabled}
          onClick={() => onKey(key)}
        >
          {label(key)}
        </button>
      ))}
    </div>
  );
}
