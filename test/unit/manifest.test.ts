import { describe, expect, it } from 'vitest';
import { CHROME_ONLY_KEYS, manifestFor } from '../../scripts/manifest-for.ts';
import { FIREFOX_ADDON_ID } from '../../scripts/firefox-path.mjs';

describe('the manifests the builds write', () => {
  it.each(['chrome', 'firefox'])('asks for no storage permission in the %s build (nothing uses browser.storage)', (mode) => {
    expect(manifestFor(mode).permissions).not.toContain('storage');
  });

  it('gives Firefox no Chrome-only key, and the editor page as its sidebar', () => {
    const firefox = manifestFor('firefox');
    for (const key of CHROME_ONLY_KEYS) expect(firefox).not.toHaveProperty(key);
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.sidebar_action).toMatchObject({ default_panel: manifestFor('chrome').side_panel?.default_path });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '142.0' } });
  });

  it('keeps the side panel in the Chrome build', () => {
    expect(manifestFor('chrome').side_panel).toEqual({ default_path: 'sidepanel/index.html' });
  });
});
