// Injected into the PWA before its own scripts (page.addInitScript) by bench/flow.ts. Plain
// JavaScript on purpose: Playwright sends it as text, untouched by the TypeScript loader.
// Records, on the page's own clock, when the cashier hands over the code or confirms and when
// the resulting screen is in the DOM and then painted.
(() => {
  const marks = [];
  const mark = (name) => marks.push({ name, at: performance.now() });
  window.__flowMarks = marks;

  document.addEventListener(
    'submit',
    (event) => {
      if (event.target instanceof Element && event.target.querySelector('[data-testid="manual-code-input"]')) mark('code-submitted');
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('[data-testid="confirm-button"]')) mark('confirm-clicked');
    },
    true,
  );

  const watched = ['verify-screen', 'give-cash-screen'];
  const present = new Set();
  const observer = new MutationObserver(() => {
    for (const testId of watched) {
      const shown = document.querySelector(`[data-testid="${testId}"]`) !== null;
      if (shown && !present.has(testId)) {
        mark(`${testId}-in-dom`);
        // The frame holding the change is painted after this animation frame callback.
        requestAnimationFrame(() => setTimeout(() => mark(`${testId}-painted`)));
      }
      if (shown) present.add(testId);
      else present.delete(testId);
    }
  });
  const observe = () => observer.observe(document.documentElement, { subtree: true, childList: true });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });
})();
