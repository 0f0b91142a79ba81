/**
 * One page of a list the client already holds. History pages on the device rather than the
 * server: a day's list is bounded by a day's work, and the day's totals and the offline copy need
 * all of it anyway, so asking the server page by page would only add round trips.
 */
export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages that exist. */
  index: number;
  count: number;
  /** 1-based positions of the first and last item shown; 0 and 0 for an empty list. */
  from: number;
  to: number;
  hasNewer: boolean;
  hasOlder: boolean;
}

export function pageOf<T>(all: readonly T[], requested: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const index = Math.min(Math.max(0, Math.floor(requested)), pages - 1);
  const start = index * size;
  const items = all.slice(start, start + size);
  return {
    items,
    index,
    count: all.length,
    from: items.length === 0 ? 0 : start + 1,
    to: start + items.length,
    hasNewer: index > 0,
    hasOlder: index < pages - 1,
  };
}
