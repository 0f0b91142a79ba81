import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { zxingHints } from './library-hints.ts';
import { rgbaToLuminance } from './luminance.ts';
import { warmUpFrame } from './warm-up.ts';
import './zxing-patches.ts';

const reader = new MultiFormatReader();
reader.setHints(zxingHints());
const warmUpRounds = 8;

function decodeLuminance(luminance: Uint8ClampedArray, width: number, height: number): string | null {
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
  } catch {
    // ZXing signals "no code in this frame" (and unreadable checksums) by throwing; the next frame gets another try.
    return null;
  }
}

function warmUp(): void {
  const { luminance, width, height } = warmUpFrame();
  for (let round = 0; round < warmUpRounds; round++) decodeLuminance(luminance, width, height);
}

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const request = event.data;
  if (request.kind === 'warm-up') return warmUp();
  const { id, width, height, pixels } = request;
  const reply: DecodeReply = { id, text: decodeLuminance(rgbaToLuminance(new Uint8ClampedArray(pixels), width * height), width, height) };
  postMessage(reply);
});
