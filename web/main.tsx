import { render } from 'preact';
import { App } from './app.tsx';
import { isLanguageLoaded, loadLanguage, setLanguage } from './i18n/index.ts';
import { type Language, loadSettings } from './settings.ts';
import { createStorage, idbKeyValueStore } from './storage.ts';
import { registerServiceWorker } from './update.ts';
import './styles.css';

const settings = loadSettings();
const updates = import.meta.env.PROD ? registerServiceWorker('/sw.js') : null;

function start(language: Language) {
  setLanguage(language);
  const root = document.getElementById('app');
  if (root) render(<App storage={createStorage(idbKeyValueStore())} updates={updates} initialSettings={{ ...settings, language }} />, root);
}

// English and Lithuanian are in the first bundle and paint at once; another language's strings come first
// (from the service worker's cache once installed), and English stands in if they cannot be fetched.
if (isLanguageLoaded(settings.language)) start(settings.language);
else loadLanguage(settings.language).then(() => start(settings.language), () => start('en'));
