import bwipjs from 'bwip-js/node';

export type Symbology = 'qrcode' | 'code128';

/** A symbol's modules, as the encoder laid them out; a linear symbol is one row of bars. */
export interface ModuleGrid {
  columns: number;
  rows: number;
  /** 1 for a dark module, row by row. */
  dark: Uint8Array;
  /** Height of one row in modules: 1 for QR, the bar height for Code 128. */
  rowHeight: number;
  /** The quiet zone each symbology requires, in modules. */
  quietZone: number;
}

/** Bars about a fifth as tall as the symbol is wide, as on a phone's wallet screen or a printed slip. */
const barHeightRatio = 0.2;

export function moduleGrid(text: string, symbology: Symbology): ModuleGrid {
  const [encoded] = bwipjs.raw(symbology, text, {});
  if (!encoded) throw new Error(`bwip-js encoded nothing for ${symbology}`);
  if ('pixs' in encoded) {
    return { columns: encoded.pixx, rows: encoded.pixy, dark: Uint8Array.from(encoded.pixs), rowHeight: 1, quietZone: 4 };
  }
  const dark: number[] = [];
  encoded.sbs.forEach((width, index) => {
    for (let module = 0; module < width; module++) dark.push(index % 2 === 0 ? 1 : 0);
  });
  return { columns: dark.length, rows: 1, dark: Uint8Array.from(dark), rowHeight: Math.round(dark.length * barHeightRatio), quietZone: 10 };
}
