/**
 * What the page sends the decode worker: one frame's RGBA pixels (transferred, not copied), or a
 * request to warm the decoder up before the first frame arrives.
 */
export type DecodeRequest = { kind: 'decode'; id: number; width: number; height: number; pixels: ArrayBuffer } | { kind: 'warm-up' };

export interface DecodeReply {
  id: number;
  text: string | null;
}
