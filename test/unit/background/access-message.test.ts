/** Issue 15, papercut 5: a page the extension may not read yet is not called a browser page. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/extension-api.ts', () => ({ browser: {} }));
const { explainInjectionError } = await import('../../../src/background/inject.ts');

const NO_HOST = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');

describe('why a page cannot be read', () => {
  it('without access to the tab, says how to give it: the menu, the shortcut, the toolbar button, or every-page mode', () => {
    const message = explainInjectionError(NO_HOST, false);
    expect(message).toContain('has no access to this page yet');
    expect(message).toContain('context menu');
    expect(message).toContain('Alt+Shift+K');
    expect(message).toContain('toolbar button');
    expect(message).toContain('Clip button on every page');
    expect(message).not.toContain('browser pages');
  });

  it('keeps the browser-page sentence for pages no extension may read', () => {
    expect(explainInjectionError(NO_HOST, true)).toContain('cannot read this page: browser pages');
    expect(explainInjectionError(new Error('Cannot access a chrome:// URL'), false)).toContain('cannot read this page: browser pages');
    expect(explainInjectionError(new Error('The extensions gallery cannot be scripted.'), false)).toContain('cannot read this page: browser pages');
  });
});
