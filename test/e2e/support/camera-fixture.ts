import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page, test as base } from '@playwright/test';
import { renderBarcode, type Symbology } from './barcode-image.ts';
import { cameraPermissions, chromiumLaunchOptions } from './browser.ts';
import { type HardSceneOptions, writeHardCameraVideo } from './hard-frames.ts';
import { type CameraVideoOptions, writeCameraVideo } from './y4m.ts';

export interface CameraBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export type WithCamera = (
  code: string,
  symbology: Symbology,
  /** `scene` (hard-frames.ts) instead of `video` shows the code far away, tilted, noisy, inverted or in the dark. */
  options?: { video?: CameraVideoOptions; scene?: HardSceneOptions; context?: BrowserContextOptions },
) => Promise<CameraBrowser>;

/**
 * `withCamera(code, symbology)` launches a browser whose camera shows that code. The video is
 * written to a temp dir and removed, with the browser, when the test ends.
 */
export const test = base.extend<{ withCamera: WithCamera }>({
  withCamera: async ({ baseURL }, use) => {
    const launched: Browser[] = [];
    const dirs: string[] = [];
    await use(async (code, symbology, options = {}) => {
      const dir = await mkdtemp(join(tmpdir(), 'kasa-camera-'));
      dirs.push(dir);
      const videoFile = join(dir, `${symbology}.y4m`);
      const image = await renderBarcode(code, symbology);
      if (options.scene) await writeHardCameraVideo(videoFile, image, options.scene);
      else await writeCameraVideo(videoFile, image, options.video);
      const browser = await chromium.launch(chromiumLaunchOptions(videoFile));
      launched.push(browser);
      const context = await browser.newContext({ baseURL, permissions: cameraPermissions, ...options.context });
      return { browser, context, page: await context.newPage() };
    });
    for (const browser of launched) await browser.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
