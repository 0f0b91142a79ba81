import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { zxingHints } from './formats.ts';
import { rgbaToLuminance } from './luminance.ts';

const reader = new MultiFormatReader();
reader.setHints(zxingHints());

function decodeFrame({ width, height, pixels }: DecodeRequest): string | null {
  const luminance = rgbaToLuminance(new Uint8ClampedArray(pixels), width * height);
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
  } catch {
    // ZXing signals "no code in this frame" (and unreadable checksums) by throwing; the next frame gets another try.
    return null;
  }
}

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const reply: DecodeReply = { text: decodeFrame(event.data) };
  postMessage(reply);
});
