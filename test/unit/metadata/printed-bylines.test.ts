import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const authorsOf = (body: string) => extract('', `<h1>Headline</h1>${body}<p>Text of the article.</p>`).authors;

describe('credit lines printed in the article', () => {
  it('ends the credit at the line break, before the place', () => {
    const body = '<p>Von <strong><a href="https://a.example">Roland Brock</a></strong> und <strong><a href="https://b.example">Sebastian Dre</a></strong><br><br>Kakuma /Kenia</p>';
    expect(authorsOf(body)).toEqual(['Roland Brock', 'Sebastian Dre']);
  });

  it('takes a first name alone when a date follows it or a link carries it', () => {
    expect(authorsOf('<div class="asset-footer">Von Christian am 03.05.2013, 11:51 | 0 Meinungen | <a href="/energie/">Energie</a></div>')).toEqual(['Christian']);
    expect(authorsOf('<span class="itemPoster">Geschrieben von <a href="/userinfo.php?uid=6">Cooper</a></span> <span>am 25.08.2015</span>')).toEqual(['Cooper']);
  });

  it('does not take a capitalised word after "By" for a name when nothing vouches for it', () => {
    expect(authorsOf('<p>By Design</p>')).toEqual([]);
    expect(authorsOf('<p>Von Hand</p>')).toEqual([]);
    expect(authorsOf('<p>von rund 2 Millionen</p>')).toEqual([]);
    expect(authorsOf('<p>By Design 2.0</p>')).toEqual([]);
  });

  it('reads a labelled credit: "Author: name, Date: …"', () => {
    expect(authorsOf('<li class="submitted"><span>Author: <a href="/autoren/gabor-munier">Gàbor Muniér</a>, Datum: 03.Mär.19</span></li>')).toEqual(['Gàbor Muniér']);
  });

  it('reads a NewsML `<byline>` element', () => {
    expect(authorsOf('<p>Quelle: dpa-AFX</p><byline>Von David Hutz, dpa</byline>')).toEqual(['David Hutz']);
  });

  it('reads an author element that holds the name and the date', () => {
    expect(authorsOf('<p class="date-author">Janic Cathom, 01.12.2021</p>')).toEqual(['Janic Cathom']);
    expect(authorsOf('<p class="author">Veröffentlicht von Lena Hart am 23. Februar 2020</p>')).toEqual(['Lena Hart']);
  });
});

describe('a name marked by an author icon', () => {
  it('reads the name printed right after a person or pen icon', () => {
    expect(authorsOf('<div class="event_info"><i class="fa fa-pencil"></i> <span>Solveig Gre</span></div>')).toEqual(['Solveig Gre']);
    expect(authorsOf('<span><i class="glyphicon glyphicon-user"></i>Lena Hart</span>')).toEqual(['Lena Hart']);
  });

  it('does not take the label of a login icon for a name', () => {
    expect(authorsOf('<a href="/login"><i class="fa fa-user"></i> Anmelden</a>')).toEqual([]);
  });
});
