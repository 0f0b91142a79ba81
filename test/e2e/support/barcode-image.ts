import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';

export type Symbology = 'qrcode' | 'code128';

/** A rendered barcode as one luminance byte per pixel, dark bars near 0 and the quiet zone 255. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Sizes that fill a comfortable part of a 1280×720 frame, as a code held ~20 cm from a phone camera does. */
const renderOptions: Record<Symbology, { scale: number; height?: number }> = {
  qrcode: { scale: 6 },
  code128: { scale: 3, height: 20 },
};

export async function renderBarcode(text: string, symbology: Symbology): Promise<GreyImage> {
  const png = await bwipjs.toBuffer({
    bcid: symbology,
    text,
    ...renderOptions[symbology],
    includetext: false,
    paddingwidth: 10,
    paddingheight: 10,
    backgroundcolor: 'FFFFFF',
  });
  const { width, height, data } = PNG.sync.read(png);
  const pixels = new Uint8Array(width * height);
  for (let pixel = 0; pixel < pixels.length; pixel++) {
    const offset = pixel * 4;
    const alpha = data[offset + 3] ?? 255;
    const grey = ((data[offset] ?? 255) * 299 + (data[offset + 1] ?? 255) * 587 + (data[offset + 2] ?? 255) * 114) / 1000;
    pixels[pixel] = Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, pixels };
}
