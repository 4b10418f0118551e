/** HTML character references left in text (JSON-LD written by a template, double-escaped tags): "H&#233;ctor". */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bdquo: '„', sbquo: '‚',
};

const REFERENCE = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi;

function character(code: number, whole: string): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Twice at most: "&amp;#8211;" is an en dash escaped twice.
  let decoded = text;
  for (let pass = 0; pass < 2 && decoded.includes('&'); pass++) {
    decoded = decoded.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
      if (decimal) return character(Number(decimal), whole);
      if (hex) return character(parseInt(hex, 16), whole);
      return NAMED[name!.toLowerCase()] ?? whole;
    });
  }
  return decoded;
}
