import type { Window as HappyDomWindow } from 'happy-dom';

/** Points happy-dom's page at a URL, so the app's same-origin relative fetches reach a test server. */
export function setPageUrl(url: string): void {
  (window as unknown as HappyDomWindow).happyDOM.setURL(url);
}
