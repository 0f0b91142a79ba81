import { normaliseCode } from '../shared/code.ts';

/**
 * A stand-in for a code Paysera refused for good, so the scan screen can tell the camera read the
 * same code again without keeping the code itself: SHA-256 of the normalised code, in memory only,
 * for as long as the cash-out is on screen. Null where Web Crypto is unavailable (plain http on a
 * LAN address, where the camera is unavailable too).
 */
export async function codeFingerprint(code: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const normalised = normaliseCode(code);
  const text = normalised.ok ? normalised.code : code.trim();
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    // Without a fingerprint the code is simply sent, as before this safeguard existed.
    return null;
  }
}
