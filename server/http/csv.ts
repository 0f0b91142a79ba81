/** A negative amount such as a till difference, "-12.50": a number to a spreadsheet, not a formula. */
const negativeDecimal = /^-\d+(\.\d+)?$/;

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.
 * Text a spreadsheet would run as a formula (= + - @ tab CR at the start) gets a leading
 * apostrophe: the auditor opens this file in a spreadsheet, and some cells come from Paysera or a cashier.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) && !negativeDecimal.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
