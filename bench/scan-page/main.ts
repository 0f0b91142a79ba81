import { decodeCost } from './decode-cost.ts';
import { timeRead } from './read-timer.ts';

window.scanBench = { timeRead, decodeCost };
