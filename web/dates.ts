/** The device's local calendar day as the API's `date` parameter (YYYY-MM-DD). */
export function localDate(at: Date): string {
  const month = String(at.getMonth() + 1).padStart(2, '0');
  const day = String(at.getDate()).padStart(2, '0');
  return `${at.getFullYear()}-${month}-${day}`;
}
