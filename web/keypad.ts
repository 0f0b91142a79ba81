import { formatCents, parseAmount } from '../shared/money.ts';

/** Amount entry as the keypad builds it: the typed string, turned into the API's canonical form on submit. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'dot' | 'back';

/** parseAmount refuses more whole digits than this, so the keypad does not let them in. */
const maxWholeDigits = 8;

export function pressKey(input: string, key: KeypadKey): string {
  if (key === 'back') return input.slice(0, -1);
  if (key === 'dot') {
    if (input.includes('.')) return input;
    return input === '' ? '0.' : `${input}.`;
  }
  const [whole = '', fraction] = input.split('.');
  if (fraction !== undefined) return fraction.length >= 2 ? input : input + key;
  if (whole === '0') return key;
  return whole.length >= maxWholeDigits ? input : input + key;
}

/** Cents of what was typed, or null while it is not a payable amount ("", "0.", "0.00"). */
export function typedCents(input: string): number | null {
  const parsed = parseAmount(input.endsWith('.') ? input.slice(0, -1) : input);
  return parsed.ok ? parsed.cents : null;
}

/** The canonical amount the API takes ("19.90"), or null while it is not payable. */
export function canonicalAmount(input: string): string | null {
  const cents = typedCents(input);
  return cents === null ? null : formatCents(cents);
}

/** Maps a physical key to the keypad, for cashiers on a desktop or with a hardware keypad. */
export function keypadKeyOf(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadKey;
  if (key === '.' || key === ',') return 'dot';
  if (key === 'Backspace') return 'back';
  return null;
}
