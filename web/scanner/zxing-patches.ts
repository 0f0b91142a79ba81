import { NotFoundException } from '@zxing/library';
import FinderPatternFinder from '@zxing/library/esm/core/qrcode/detector/FinderPatternFinder.js';
import { improveQrFinder } from './qr-finder.ts';

/** Imported for its effect by both ZXing decoders, before their first frame. */
improveQrFinder(FinderPatternFinder, () => new NotFoundException());
