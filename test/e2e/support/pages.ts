/** Small steps a person takes in the extension's own pages. */
import type { Page } from 'playwright-core';
import { extensionUrl, type ExtensionBrowser } from './browser.ts';

export async function configureArchive(browser: ExtensionBrowser, archiveUrl: string, token: string): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(extensionUrl(browser, 'options/index.html'));
  await options.getByLabel('Archive address').fill(archiveUrl);
  await options.getByLabel('API token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  return options;
}

export async function testConnectionMessage(options: Page): Promise<string> {
  await options.getByRole('button', { name: 'Test connection' }).click();
  const status = options.getByTestId('connection-status');
  await status.filter({ hasNotText: 'Testing the connection' }).waitFor();
  return (await status.textContent()) ?? '';
}
