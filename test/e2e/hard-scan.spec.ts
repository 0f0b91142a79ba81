import type { HardSceneOptions } from './support/hard-frames.ts';
import { signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

/**
 * Issue 12: codes a cashier can plainly see must be read from the camera, not typed. Each scene is
 * one the decoder of issue 12's measurements missed: the frames are drawn in hard-frames.ts.
 */
const scenes: { name: string; symbology: 'qrcode' | 'code128'; scene: HardSceneOptions }[] = [
  {
    // The customer's phone held sideways to the cashier's in portrait, leaning back, in a dim shop's sensor noise.
    name: 'a tilted, noisy Code 128 turned 90°',
    symbology: 'code128',
    scene: { rotationDegrees: 90, tiltDegrees: 35, noiseSigma: 8, codeFrames: 4 },
  },
  {
    // 1.8 px a module: a QR code on a phone held well away from the camera, and leaning back. (At
    // exactly 1.5 px the modules fall on the pixel grid in one fixed phase, and whether a symbol
    // survives that depends on its data: the simulator issues a random code each run.)
    name: 'a small QR code far from the camera',
    symbology: 'qrcode',
    scene: { scale: 0.15, tiltDegrees: 30 },
  },
  {
    name: 'an inverted QR code (light on dark, as a phone in dark mode shows it)',
    symbology: 'qrcode',
    scene: { inverted: true },
  },
];

for (const { name, symbology, scene } of scenes) {
  test(`reads ${name} and the cash-out goes on`, async ({ withCamera, kasa }) => {
    const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
    const { page } = await withCamera(code, symbology, { scene, context: { baseURL: kasa.origin } });
    await page.goto('/');
    await signIn(page, kasa.accounts.cashier);
    await startCashout(page, '40.00');

    await expect(page.getByTestId('verify-screen')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('verify-amount')).toContainText('40.00');
    expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'reserved', amount: 40_00 });
  });
}
