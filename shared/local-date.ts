/**
 * A calendar day in the local time zone as the API's `date` parameter (YYYY-MM-DD): on the server
 * a shift's day is the shop's day, not UTC's; in the app it is the device's day.
 */
export function localDate(at: Date | number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
