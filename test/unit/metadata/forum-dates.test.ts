import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('dates about the visit or a member, not the page', () => {
  it('skips a forum\'s "current time" and a poster\'s registration date for the post\'s date', () => {
    const body =
      '<p class="responsive-center time">Aktuelle Zeit: 14.10.2020, 12:18</p><h2>Was ist Freie Software?</h2>' +
      '<dl class="postprofile"><dd>Registriert: 18.09.2008, 05:56</dd></dl>' +
      '<p class="author">Beitrag von r23 » 21.01.2009, 05:42</p><div class="content">Freie Software ist …</div>';
    const meta = extract('', body, 'https://forum.example.de/viewtopic.php?t=167', 'de');
    expect(meta.publishedDate).toBe('2009-01-21');
    expect(meta.provenance['publishedDate']).toBe('text');
  });

  it('skips them in English too', () => {
    const body = '<div class="time">It is currently Mon Oct 12, 2020 4:00 pm</div><h2>Topic</h2><p>Joined: 3 May 2010</p><p>Posted 7 June 2012</p>';
    expect(extract('', body, 'https://forum.example.com/t/1').publishedDate).toBe('2012-06-07');
  });
});
