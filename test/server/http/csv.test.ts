import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../../server/http/csv.ts';

describe('csv', () => {
  it('leaves plain fields alone and writes null as empty', () => {
    expect(csvRow(['a', 1, null, '42.00'])).toBe('a,1,,42.00\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-12.50+A1')).toBe("'-12.50+A1");
    expect(csvField('-A1')).toBe("'-A1");
  });
});
