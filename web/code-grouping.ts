/**
 * The reservation code as the manual field shows it: in groups of four, so a cashier can proofread
 * it against the customer's screen. The grouping is display only; the code sent is `ungroupedCode`.
 */

const groupSize = 4;

/** What shared/code.ts strips from a code anyway (spaces and dashes), so dropping them here loses nothing. */
const separators = /[\s\-\u2010-\u2015]/g;

export function ungroupedCode(shown: string): string {
  return shown.replace(separators, '');
}

export function groupedCode(shown: string): string {
  return (ungroupedCode(shown).match(new RegExp(`.{1,${groupSize}}`, 'g')) ?? []).join(' ');
}

/** The field's text and caret: the caret is an index into the text. */
export interface TypedCode {
  text: string;
  caret: number;
}

/**
 * Regroups the field after an edit and keeps the caret after the same character of the code, so
 * typing or deleting in the middle goes on where the cashier was, whatever spaces moved.
 */
export function regroupTyped({ text, caret }: TypedCode): TypedCode {
  const before = ungroupedCode(text.slice(0, caret)).length;
  const grouped = groupedCode(text);
  const spacesBefore = before === 0 ? 0 : Math.floor((before - 1) / groupSize);
  return { text: grouped, caret: before + spacesBefore };
}

/** Backspace right after a space: the caret steps over the space so the key deletes the digit before it. */
export function caretBeforeBackspace({ text, caret }: TypedCode): number {
  return caret > 0 && text[caret - 1] === ' ' ? caret - 1 : caret;
}
