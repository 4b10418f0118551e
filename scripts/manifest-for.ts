/** The manifest each build writes: manifest.json as it is for Chrome, and its Firefox form. */
import baseManifest from '../manifest.json' with { type: 'json' };
import { FIREFOX_ADDON_ID, FIREFOX_MIN_VERSION } from './firefox-path.mjs';

type Manifest = Partial<typeof baseManifest> & Record<string, unknown>;

/** Manifest keys Firefox does not know (it warns "unexpected property" about each). */
export const CHROME_ONLY_KEYS = ['side_panel', 'minimum_chrome_version'] as const;

export function manifestFor(mode: string): Manifest {
  const manifest: Manifest = structuredClone(baseManifest);
  const hosts = (process.env.CLIPPER_HOSTS ?? '').split(',').map((host) => host.trim()).filter(Boolean);
  if (hosts.length > 0) manifest.host_permissions = hosts;
  if (mode === 'firefox') {
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' } as never;
    manifest.permissions = baseManifest.permissions.filter((permission) => permission !== 'sidePanel');
    manifest.browser_specific_settings = {
      gecko: { id: FIREFOX_ADDON_ID, strict_min_version: `${FIREFOX_MIN_VERSION}.0`, data_collection_permissions: { required: ['none'] } },
    };
    // Firefox has no side panel: the same editor page is its sidebar.
    manifest.sidebar_action = {
      default_panel: baseManifest.side_panel.default_path,
      default_title: baseManifest.action.default_title,
      default_icon: baseManifest.action.default_icon,
      open_at_install: false,
    };
    for (const chromeOnly of CHROME_ONLY_KEYS) delete manifest[chromeOnly];
  }
  return manifest;
}

