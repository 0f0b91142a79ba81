/**
 * What the page sends a decode worker: one frame's RGBA pixels (transferred, not copied), or a
 * request to warm the decoder up before the first frame arrives.
 */
export type DecodeRequest = { kind: 'decode'; id: number; width: number; height: number; pixels: ArrayBuffer } | { kind: 'warm-up' };

/** The text read (or null); `failure` when the worker's decoder cannot work at all (its wasm would not load). */
export interface DecodeReply {
  id: number;
  text: string | null;
  failure?: string;
}
