/**
 * A hostile page against the extension (issue 12, findings 5–10; issue 15, papercuts 2 and 5; issue 13,
 * item 4): what it can read of the in-page UI, whether it can swap what gets quoted, clickjack the Clip
 * button, or flood the drafts list; and whether the Clip button and its menu stay on screen.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, readStoredDrafts, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { accessibleTexts, clickClipMenuWith, clickControl, collectInto, controlBox, dragSelect, enableEveryPageMode } from './support/in-page.ts';
import { ARTIFACTS } from './support/paths.ts';
import { waitFor } from './support/waits.ts';

const SECRET_TITLE = 'Victim Corp secret merger memo';

let fixtures: FixtureServer;
let browser: ExtensionBrowser;

function page(name: string, body: string, { title = 'Attacker blog', head = '', lang = 'en', dir = 'ltr' } = {}): string {
  fixtures.override(name, `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`);
  return fixtures.url(name);
}

/** The same fixture server under another name: another site, as far as the browser is concerned. */
const onOtherSite = (url: string) => url.replace('127.0.0.1', 'localhost');

async function open(url: string): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  return tab;
}

/** What a page script learns with `window.find`, which searches the text of closed shadow roots too. */
async function pageCanFind(tab: Page, text: string): Promise<boolean> {
  return tab.evaluate((needle) => {
    const selection = document.getSelection();
    const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const found = (window as unknown as { find(text: string): boolean }).find(needle);
    if (saved) {
      selection!.removeAllRanges();
      selection!.addRange(saved);
    }
    return found;
  }, text);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fixtures = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

describe('the page cannot swap what gets quoted (finding 7)', () => {
  it('refuses a context-menu clip when the page moved the selection to an off-screen sentence', async () => {
    const url = page(
      'swap.html',
      `<p id="visible">The vendor said the outage lasted ninety minutes and touched only the test environment.</p>
       <p id="planted" style="position:absolute;left:-10000px">The editor endorses this planted sentence, which nobody selected.</p>
       <script>
         document.addEventListener('contextmenu', () => {
           const range = document.createRange();
           range.selectNodeContents(document.getElementById('planted'));
           getSelection().removeAllRanges();
           getSelection().addRange(range);
         });
       </script>`,
    );
    const tab = await open(url);
    const seen = await selectText(tab, '#visible');
    const box = (await tab.locator('#visible').boundingBox())!;
    await tab.mouse.click(box.x + 20, box.y + box.height / 2, { button: 'right' });
    expect(await tab.evaluate(() => getSelection()!.toString())).toContain('planted sentence'); // the page did swap it
    await clickClipMenuWith(browser, url, seen);
    await expect.poll(() => accessibleTexts(tab), { timeout: 15_000 }).toContain(
      'The page changed the selection when you opened the menu, so nothing was clipped. Select the passage again and clip it.',
    );
    expect((await readStoredDrafts(browser)).flatMap((draft) => draft.clips.map((clip) => clip.quote))).not.toContainEqual(expect.stringContaining('planted'));

    // The same clip with the selection left alone (no right-click for the page to act on) is stored.
    const honest = await selectText(tab, '#visible');
    await clickClipMenuWith(browser, url, honest);
    await waitFor(() => readStoredDrafts(browser), (drafts) => drafts.some((draft) => draft.clips.some((clip) => clip.quote === honest.trim())), {
      what: 'the honest clip',
    });
    // The toast after a context-menu clip offers the draft too (papercut 2).
    await expect.poll(() => accessibleTexts(tab)).toContain('Open draft');
    await tab.close();
  });
});

describe('in every-page mode', () => {
  let victimDraftId: string;

  beforeAll(async () => {
    await enableEveryPageMode(browser);
    const victimUrl = onOtherSite(page('victim.html', '<p id="memo">The merger terms stay confidential until the board signs them next week.</p>', { title: SECRET_TITLE }));
    const victim = await open(victimUrl);
    const text = await selectText(victim, '#memo');
    await clickClipMenuWith(browser, victimUrl, text);
    const [draft] = await waitFor(() => readStoredDrafts(browser), (drafts) => drafts.some((d) => d.title === SECRET_TITLE), { what: 'the victim draft' }).then(
      (drafts) => drafts.filter((d) => d.title === SECRET_TITLE),
    );
    victimDraftId = draft!.id;
    await collectInto(browser, victimDraftId);
    await victim.close();
  });

  it("shows no other site's draft title in the Clip menu, its confirmation or the toast, and Open draft opens the draft (finding 5, papercut 2)", async () => {
    const tab = await open(page('reader.html', '<p id="story">A chatbot on this blog told readers a refund policy that never existed.</p>'));
    await dragSelect(tab, '#story');
    await clickControl(tab, 'Clip');
    await expect.poll(() => accessibleTexts(tab)).toContain('New draft');
    expect(await pageCanFind(tab, 'Victim Corp')).toBe(false);
    expect((await accessibleTexts(tab)).join('\n')).not.toContain('Victim');

    await clickControl(tab, 'Add to current draft');
    await expect.poll(() => accessibleTexts(tab)).toContain('Your current draft quotes another site. Add this quote to it?');
    expect(await pageCanFind(tab, 'Victim Corp')).toBe(false);
    await tab.emulateMedia({ colorScheme: 'dark' });
    await tab.screenshot({ path: path.join(ARTIFACTS, 'in-page-clip-confirm-dark.png') });
    await tab.emulateMedia({ colorScheme: 'light' });
    await clickControl(tab, 'Add');

    await expect.poll(() => accessibleTexts(tab)).toContain('Quote added to your current draft.');
    expect(await pageCanFind(tab, 'Victim Corp')).toBe(false);
    expect((await readStoredDrafts(browser)).find((draft) => draft.id === victimDraftId)!.clips).toHaveLength(2);

    // The toast stays while the pointer rests on it, well past its usual time.
    const action = await controlBox(tab, 'Open draft');
    await tab.mouse.move(action.x + action.width / 2, action.y + action.height / 2);
    await tab.waitForTimeout(6_500);
    expect(await accessibleTexts(tab)).toContain('Open draft');
    await tab.screenshot({ path: path.join(ARTIFACTS, 'in-page-toast-open-draft-light.png') });
    await tab.emulateMedia({ colorScheme: 'dark' });
    await tab.screenshot({ path: path.join(ARTIFACTS, 'in-page-toast-open-draft-dark.png') });

    const editorOpened = browser.context.waitForEvent('page');
    await tab.mouse.click(action.x + action.width / 2, action.y + action.height / 2);
    const editor = await editorOpened;
    await editor.waitForURL(/sidepanel\/index\.html\?draft=/);
    expect(new URL(editor.url()).searchParams.get('draft')).toBe(victimDraftId);
    await editor.close();

    // Once the pointer leaves, the toast goes after its time.
    await clipWithButton(tab, '#story', 'New draft');
    await expect.poll(() => accessibleTexts(tab)).toContain('Clipped into a new draft.');
    await tab.mouse.move(5, 5);
    await expect.poll(() => accessibleTexts(tab), { timeout: 10_000 }).not.toContain('Clipped into a new draft.');
    await tab.close();
  });

  it('ignores a click on a Clip button the page made invisible and moved over its own button (finding 8)', async () => {
    const tab = await open(
      page(
        'jack-opacity.html',
        `<p id="story">Download the full incident report as a PDF from the button below this paragraph.</p>
         <button id="download" style="position:fixed;left:300px;top:300px;width:160px;height:60px">Download</button>
         <script>
           window.downloads = 0;
           document.getElementById('download').addEventListener('click', () => window.downloads++);
           document.addEventListener('mouseup', () => setTimeout(() => {
             const host = document.querySelector('incident-clipper-button');
             if (!host) return;
             host.style.setProperty('opacity', '0', 'important');
             host.style.setProperty('left', '305px', 'important');
             host.style.setProperty('top', '305px', 'important');
           }, 20));
         </script>`,
      ),
    );
    const before = (await readStoredDrafts(browser)).length;
    await dragSelect(tab, '#story');
    await tab.waitForTimeout(600);
    await tab.mouse.click(320, 315);
    await tab.waitForTimeout(600);
    await tab.mouse.click(320, 315);
    await tab.waitForTimeout(1_000);
    expect((await readStoredDrafts(browser)).length).toBe(before);
    expect(await tab.evaluate(() => (window as unknown as { downloads: number }).downloads)).toBeGreaterThan(0);
    await tab.close();
  });

  it('ignores a click that reaches the Clip button through something the page laid over it (finding 8)', async () => {
    const tab = await open(
      page(
        'jack-overlay.html',
        `<p id="story">Claim your prize by pressing the big green button that appears right below this text.</p>
         <script>
           document.addEventListener('mouseup', () => setTimeout(() => {
             const host = document.querySelector('incident-clipper-button');
             if (!host) return;
             const box = host.getBoundingClientRect();
             const cover = document.createElement('div');
             cover.textContent = 'Download';
             cover.style.cssText = 'position:fixed;pointer-events:none;z-index:2147483647;background:green;color:white;left:' +
               (box.left - 10) + 'px;top:' + (box.top - 10) + 'px;width:' + (box.width + 20) + 'px;height:' + (box.height + 20) + 'px';
             document.documentElement.append(cover);
           }, 20));
         </script>`,
      ),
    );
    const before = (await readStoredDrafts(browser)).length;
    await dragSelect(tab, '#story');
    const clip = await controlBox(tab, 'Clip');
    await tab.waitForTimeout(600);
    await tab.mouse.click(clip.x + clip.width / 2, clip.y + clip.height / 2);
    await expect.poll(() => accessibleTexts(tab)).toContain(
      'The page hid, moved or covered the Clip button, so that click was ignored. Select the text again, or use the context menu.',
    );
    expect((await readStoredDrafts(browser)).length).toBe(before);
    await tab.close();
  });

  it('opens the menu on a double-click on Clip, but does not let the second click pick its first item (finding 8)', async () => {
    const tab = await open(page('double.html', '<p id="story">Double-click games are a classic way to make a person press a button they never saw.</p>'));
    const before = (await readStoredDrafts(browser)).length;
    await dragSelect(tab, '#story');
    const clip = await controlBox(tab, 'Clip');
    await tab.waitForTimeout(500);
    await tab.mouse.dblclick(clip.x + clip.width / 2, clip.y + clip.height / 2);
    await expect.poll(() => accessibleTexts(tab)).toContain('New draft');
    await tab.waitForTimeout(1_000);
    expect((await readStoredDrafts(browser)).length).toBe(before);
    expect(await accessibleTexts(tab)).toContain('New draft'); // still offered, for a deliberate click
    await tab.close();
  });

  it('lets a compromised content script create ten drafts a minute from a tab, not sixty (finding 10)', async () => {
    const url = page('flood.html', '<p id="story">Flooding the drafts list with junk is what this page would like to do.</p>');
    const tab = await open(url);
    const tabId = await tabIdOf(browser, url);
    const before = (await readStoredDrafts(browser)).length;
    const errors = await browser.worker.evaluate(
      async ({ id, pageUrl }) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: id },
          world: 'ISOLATED',
          args: [pageUrl],
          func: async (address: string) => {
            const replies: { ok: boolean; error?: string }[] = [];
            for (let index = 0; index < 60; index += 1) {
              const quote = `Junk quote number ${index}`;
              const capture = {
                metadata: { url: address, originalUrl: address, title: `Junk ${index}`, authors: [], provenance: {} },
                quote,
                selectors: null,
              };
              replies.push(await chrome.runtime.sendMessage({ type: 'content.clipSelection', payload: { capture, target: 'new' } }));
            }
            return replies.filter((reply) => !reply.ok).map((reply) => reply.error ?? '');
          },
        });
        return result!.result as string[];
      },
      { id: tabId, pageUrl: url },
    );
    expect((await readStoredDrafts(browser)).length - before).toBe(10);
    expect(errors).toHaveLength(50);
    expect(errors[0]).toMatch(/^Too many clips from this tab in one minute/);
    await tab.close();
  });
});

async function clipWithButton(tab: Page, selector: string, choice: string): Promise<void> {
  await dragSelect(tab, selector);
  await clickControl(tab, 'Clip');
  await clickControl(tab, choice);
}
