import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { brandColour } from './web/icons/draw-icon.ts';
import { iconFiles, iconsPlugin } from './web/icons/icons-plugin.ts';

export default defineConfig({
  root: 'web',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  plugins: [
    preact(),
    iconsPlugin(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Kasa — cash-out',
        short_name: 'Kasa',
        description: 'Pay out cash to a Paysera customer who shows a reservation code.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: brandColour,
        background_color: '#ffffff',
        icons: [
          { src: `/${iconFiles.any192}`, sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: `/${iconFiles.any512}`, sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: `/${iconFiles.maskable512}`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole shell, the lazily loaded screens and the scanner (with zxing-cpp's wasm), so the
        // app opens and scans offline.
        globPatterns: ['**/*.{js,css,html,png,svg,wasm}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // No runtimeCaching: API answers are about money and are never served from a cache.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
});
