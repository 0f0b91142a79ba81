import type { Plugin } from 'vite';
import { drawIconPng, iconSvg } from './draw-icon.ts';

/** Where the manifest and the page find the icons. */
export const iconFiles = {
  any192: 'icons/icon-192.png',
  any512: 'icons/icon-512.png',
  maskable512: 'icons/icon-512-maskable.png',
  svg: 'icons/icon.svg',
} as const;

function renderIcons(): Map<string, { body: Buffer; type: string }> {
  return new Map([
    [iconFiles.any192, { body: drawIconPng(192, false), type: 'image/png' }],
    [iconFiles.any512, { body: drawIconPng(512, false), type: 'image/png' }],
    [iconFiles.maskable512, { body: drawIconPng(512, true), type: 'image/png' }],
    [iconFiles.svg, { body: Buffer.from(iconSvg()), type: 'image/svg+xml' }],
  ]);
}

/** Draws the icons at build time (no binaries in the repository) and serves them in dev. */
export function iconsPlugin(): Plugin {
  let icons: ReturnType<typeof renderIcons> | undefined;
  const rendered = () => (icons ??= renderIcons());
  return {
    name: 'kasa-icons',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const icon = rendered().get((request.url ?? '').slice(1));
        if (!icon) return next();
        response.setHeader('content-type', icon.type);
        response.end(icon.body);
      });
    },
    generateBundle() {
      for (const [fileName, icon] of rendered()) this.emitFile({ type: 'asset', fileName, source: icon.body });
    },
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: `/${iconFiles.svg}` }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `/${iconFiles.any192}` }, injectTo: 'head' },
      ];
    },
  };
}
