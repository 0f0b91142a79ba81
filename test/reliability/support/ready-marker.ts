/** The line prefix server-entry.ts prints when it listens; JSON with the origin follows it. */
export const readyMarker = 'KASA_TEST_READY ';
