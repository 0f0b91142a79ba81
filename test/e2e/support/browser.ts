import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium: Playwright cannot download its own browser on this machine. */
export const chromiumPath = '/usr/bin/chromium';

const commonArgs = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Without a file Chromium's fake camera shows its own test pattern (no code in it); with one it
 * loops the file's frames. The file is a launch argument, so a different code needs a new browser.
 */
export function chromiumLaunchOptions(videoFile?: string): LaunchOptions {
  return {
    executablePath: chromiumPath,
    args: videoFile ? [...commonArgs, `--use-file-for-fake-video-capture=${videoFile}`] : commonArgs,
  };
}

export const cameraPermissions = ['camera'];
