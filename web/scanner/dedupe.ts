/**
 * A code held in front of the camera is decoded on frame after frame; the screen wants it once.
 * Returns a filter that passes a text only when it differs from the last one passed.
 */
export function createRepeatFilter(): (text: string) => boolean {
  let last: string | undefined;
  return (text) => {
    if (text === last) return false;
    last = text;
    return true;
  };
}
