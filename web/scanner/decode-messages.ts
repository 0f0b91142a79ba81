/** What the page sends the decode worker: one frame's RGBA pixels, transferred, not copied. */
export interface DecodeRequest {
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

export interface DecodeReply {
  text: string | null;
}
