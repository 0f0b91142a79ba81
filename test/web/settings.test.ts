// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { deviceLanguage, loadSettings, saveSettings } from '../../web/settings.ts';

afterEach(() => localStorage.clear());

describe('deviceLanguage', () => {
  it('takes the first of the device’s languages that Kasa speaks', () => {
    expect(deviceLanguage(['lv-LV', 'en-US'])).toBe('lv');
    expect(deviceLanguage(['de-DE', 'ru-EE', 'et'])).toBe('ru');
    expect(deviceLanguage(['ET'])).toBe('et');
    expect(deviceLanguage(['lt'])).toBe('lt');
    expect(deviceLanguage(['en-US', 'lt-LT'])).toBe('en');
  });

  it('falls back to English when it speaks none of them', () => {
    expect(deviceLanguage(['de-DE', 'fr'])).toBe('en');
    expect(deviceLanguage([])).toBe('en');
  });
});

describe('loadSettings', () => {
  it('keeps the cashier’s choice over the device’s language', () => {
    saveSettings({ ...loadSettings(), language: 'et' });
    expect(loadSettings().language).toBe('et');
  });

  it('ignores a stored language Kasa does not speak', () => {
    localStorage.setItem('kasa.settings', JSON.stringify({ language: 'de' }));
    expect(loadSettings().language).toBe(deviceLanguage(navigator.languages));
  });
});
