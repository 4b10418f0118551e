/** The one import of the WebExtension API: `browser.*` with promises on Chrome and Firefox alike. */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Menus } from 'webextension-polyfill';
