import { prepareScanner } from '../../web/scanner/index.ts';
import { decodeCost } from './decode-cost.ts';
import { timeRead } from './read-timer.ts';

// As in the app, where the first keypad press of the amount loads and warms the scanner.
void prepareScanner();

window.scanBench = { timeRead, decodeCost };
