import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('pages that say when they were last changed, never when published', () => {
  it('are dated by that statement, not by the first date of their running text', () => {
    const body =
      '<h2>GNU General Public License</h2><p>Version 3, 29 June 2007</p><p>… adopted on 20 December 1996 …</p>' +
      '<footer><p>Updated: $Date: 2016/11/18 06:31:41 $</p></footer>';
    const meta = extract('', body, 'https://www.example.org/licenses/gpl-3.0.html');
    expect(meta.publishedDate).toBe('2016-11-18');
    expect(meta.provenance['publishedDate']).toBe('text:last-changed');
  });

  it('reads the statement in German', () => {
    const body = '<h2>Hochauflösende Schneehöhen</h2><p>Satellitenbild vom 31.05.2021</p><div>Letzte Änderung: 14.01.2022 um 09:25</div>';
    expect(extract('', body, 'https://news.example.ch/detail/id/718', 'de').publishedDate).toBe('2022-01-14');
  });

  it('ranks below a date labelled as the publication', () => {
    const body = '<h2>Report</h2><div>Aktualisiert: 30.12.2016</div><div>Veröffentlicht am 4. August 2014</div>';
    const meta = extract('', body, 'https://news.example.de/report', 'de');
    expect(meta.publishedDate).toBe('2014-08-04');
    expect(meta.provenance['publishedDate']).toBe('text:published');
  });
});
