/** Checks a backup file off the page's thread (see backup-check.ts): a request in, the check's messages out. */
import { checkBackup, type CheckRequest } from './backup-check.ts';

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  checkBackup(event.data, (message) => self.postMessage(message));
};
