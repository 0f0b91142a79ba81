import { useLayoutEffect, useRef } from 'preact/hooks';
import { fittedFontSize, nextSmallerFontSize } from './fit-text.ts';

/** A fitted line is re-measured at most this often when hinting makes it wider than the ratio said. */
const maxCorrections = 5;

function textWidth(element: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect().width;
}

function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}

function fitToOneLine(element: HTMLElement): void {
  // The stylesheet's size is the largest wanted; start from it so a shorter text grows back.
  element.style.fontSize = '';
  const maximum = Number.parseFloat(getComputedStyle(element).fontSize);
  const available = contentWidth(element);
  let size = fittedFontSize(maximum, textWidth(element), available);
  if (size === maximum) return;
  element.style.fontSize = `${size}px`;
  for (let correction = 0; correction < maxCorrections && textWidth(element) > available; correction += 1) {
    size = nextSmallerFontSize(size);
    element.style.fontSize = `${size}px`;
  }
}

/**
 * Shrinks the element's font until its text fits on one line (the element must not wrap:
 * `white-space: nowrap`), again whenever the text or the window's size changes.
 */
export function useFitText<T extends HTMLElement>(text: string) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    fitToOneLine(element);
    const refit = () => fitToOneLine(element);
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, [text]);
  return ref;
}
