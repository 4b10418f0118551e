/**
 * Builds the extension with @crxjs/vite-plugin from manifest.json.
 * Modes: default = Chrome (dist/), `--mode firefox` = Firefox (dist-firefox/).
 * Environment knobs (used by `npm start` and the end-to-end tests):
 *   CLIPPER_OUT_DIR        where to write the build
 *   CLIPPER_HOSTS          extra host_permissions, comma separated (an opt-in grant, as a user would give)
 *   CLIPPER_ARCHIVE_URL    default archive address baked into the build
 *   CLIPPER_ARCHIVE_TOKEN  default API token baked into the build (local development only)
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { buildContentScripts } from './scripts/build-content-scripts.ts';
import { manifestFor } from './scripts/manifest-for.ts';

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = process.env.CLIPPER_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist');
  const defaults = process.env.CLIPPER_ARCHIVE_URL
    ? { archiveUrl: process.env.CLIPPER_ARCHIVE_URL, token: process.env.CLIPPER_ARCHIVE_TOKEN ?? '' }
    : undefined;
  const contentScripts: Plugin = {
    name: 'incident-clipper:content-scripts',
    apply: 'build',
    async closeBundle() {
      await buildContentScripts(outDir);
    },
  };
  return {
    plugins: [preact(), crx({ manifest: manifestFor(mode) as never, browser }), contentScripts],
    define: { __CLIPPER_DEFAULTS__: JSON.stringify(defaults) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Both browsers preload modules natively; the polyfill would run in the service worker too, where there is no document.
      modulePreload: { polyfill: false },
      // Two chunks for the code pages share, instead of one per combination of importers (the side panel's
      // lazy panels would otherwise split the popup's code into some twenty requests): what a page needs to
      // draw a draft (Preact included), and the rest (schemas, store, Dexie), which it loads after drawing.
      // Each file an extension page loads costs a round trip through the browser process: with the side
      // panel's first draw in one chunk beside its entry (4 files instead of 10), a draft shows ~6 ms sooner.
      rolldownOptions: {
        // crxjs builds the pages the manifest names; Firefox's manifest names the editor as a sidebar, which
        // crxjs does not know, so the page is an input of its own there.
        ...(browser === 'firefox' ? { input: { sidebar: 'sidepanel/index.html' } } : {}),
        // No "[PLUGIN_TIMINGS]" report in `npm start` and test output: on a busy machine every plugin looks slow.
        checks: { bundlerTimings: false },
        output: {
          codeSplitting: {
            groups: [
              { name: 'page-core', priority: 2, test: /node_modules[\\/]preact|vite[\\/]preload-helper|src[\\/]ui[\\/](after-paint|lazy|PageText|QuoteText|final-states)\.tsx?$|src[\\/](i18n[\\/]i18n|i18n[\\/]i18n-runtime|workspace[\\/]field-paths|workspace[\\/]source-tier|workspace[\\/]debounce|core[\\/]url|core[\\/]zod-jitless|store[\\/]draft-read)\.ts$|public[\\/]_locales/ },
              // The Public Suffix List (tldts, about 50 KB gzipped) is for the worker's site check only: kept
              // out of the chunk every page loads.
              { name: 'public-suffixes', priority: 3, test: /src[\\/]core[\\/]site\.ts$|node_modules[\\/]tldts/ },
              { name: 'shared', priority: 1, test: /src[\\/](core|store|workspace|archive)[\\/]|node_modules[\\/](zod|dexie)[\\/]/ },
            ],
          },
        },
      },
    },
  };
});
