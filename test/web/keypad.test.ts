import { describe, expect, it } from 'vitest';
import { canonicalAmount, keypadKeyOf, pressKey, type KeypadKey } from '../../web/keypad.ts';

function press(...keys: KeypadKey[]): string {
  return keys.reduce(pressKey, '');
}

describe('keypad input', () => {
  it('builds the canonical amount from key presses', () => {
    expect(press('1', '9', 'dot', '9', '9')).toBe('19.99');
    expect(canonicalAmount(press('1', '9', 'dot', '9', '9'))).toBe('19.99');
  });

  it('pads the decimals when fewer than two were typed', () => {
    expect(canonicalAmount(press('1', '9', 'dot', '9'))).toBe('19.90');
    expect(canonicalAmount(press('5', '0', 'dot'))).toBe('50.00');
    expect(canonicalAmount(press('5', '0'))).toBe('50.00');
  });

  it('takes at most two decimals', () => {
    expect(press('1', 'dot', '2', '3', '4')).toBe('1.23');
  });

  it('does not keep leading zeros', () => {
    expect(press('0', '0', '7')).toBe('7');
    expect(press('0', 'dot', '5')).toBe('0.5');
    expect(canonicalAmount(press('0', 'dot', '5'))).toBe('0.50');
  });

  it('starts a decimal amount with a zero and ignores a second point', () => {
    expect(press('dot', '5')).toBe('0.5');
    expect(press('1', 'dot', 'dot', '5')).toBe('1.5');
  });

  it('deletes the last character with backspace, and backspace on nothing is nothing', () => {
    expect(press('1', '2', 'dot', '5', 'back', 'back')).toBe('12');
    expect(press('back')).toBe('');
  });

  it('stops at eight whole digits, as the server would refuse more', () => {
    expect(press('1', '2', '3', '4', '5', '6', '7', '8', '9')).toBe('12345678');
    expect(press('1', '2', '3', '4', '5', '6', '7', '8', 'dot', '9', '9')).toBe('12345678.99');
  });

  it('has no payable amount for nothing or zero', () => {
    expect(canonicalAmount('')).toBeNull();
    expect(canonicalAmount(press('0'))).toBeNull();
    expect(canonicalAmount(press('dot', '0', '0'))).toBeNull();
  });

  it('maps physical keys, comma included for Lithuanian keyboards', () => {
    expect(keypadKeyOf('7')).toBe('7');
    expect(keypadKeyOf(',')).toBe('dot');
    expect(keypadKeyOf('.')).toBe('dot');
    expect(keypadKeyOf('Backspace')).toBe('back');
    expect(keypadKeyOf('a')).toBeNull();
    expect(keypadKeyOf('Enter')).toBeNull();
  });
});
