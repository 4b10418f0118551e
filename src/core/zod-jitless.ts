/**
 * Imported first by every extension page and by the worker, before any schema is built. zod's object
 * parsers otherwise probe `new Function` once, which the extension's CSP blocks and reports as an error
 * on every page (harmless, but it hides real errors).
 *
 * Set through the global zod reads its settings from when it loads (`z.config` writes the same object),
 * not by importing zod: the editor draws its draft before zod, the store and Dexie have loaded
 * (test/unit/zod-jitless.test.ts checks that zod still takes the setting from there).
 */
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

(globalThis.__zod_globalConfig ??= {}).jitless = true;

export {};
