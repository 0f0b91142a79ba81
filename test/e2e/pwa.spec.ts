import { expect, test } from './support/kasa-fixture.ts';

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

test('the manifest makes the app installable', async ({ request, kasa }) => {
  const response = await request.get(`${kasa.origin}/manifest.webmanifest`);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name?: string; icons?: ManifestIcon[]; display?: string; start_url?: string };
  expect(manifest.name).toMatch(/Kasa/);
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();

  const icons = manifest.icons ?? [];
  const sizes = icons.flatMap((icon) => icon.sizes?.split(' ') ?? []);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
  for (const icon of icons) {
    const image = await request.get(new URL(icon.src, `${kasa.origin}/manifest.webmanifest`).href);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type'], icon.src).toMatch(/^image\//);
  }
});

test('after one visit the app shell loads offline and says it is offline', async ({ page, context, kasa }) => {
  await page.goto(kasa.origin);
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-screen')).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});
