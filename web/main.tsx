import { render } from 'preact';
import { App } from './app.tsx';
import { setLanguage } from './i18n/index.ts';
import { loadSettings } from './settings.ts';
import { createStorage, idbKeyValueStore } from './storage.ts';
import { registerServiceWorker } from './update.ts';
import './styles.css';

const settings = loadSettings();
setLanguage(settings.language);
const updates = import.meta.env.PROD ? registerServiceWorker('/sw.js') : null;
const root = document.getElementById('app');
if (root) render(<App storage={createStorage(idbKeyValueStore())} updates={updates} initialSettings={settings} />, root);
