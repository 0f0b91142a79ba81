/** One way of finding a code in the current video frame. */
export interface FrameDecoder {
  /** The text of a code visible in the frame, or null. Rejects only when this decoder cannot work at all. */
  decode(video: HTMLVideoElement): Promise<string | null>;
  close(): void;
}
