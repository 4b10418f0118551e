/**
 * Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese and Dutch,
 * lower-case and without a trailing dot. Shared spellings (e.g. "april", "mai") appear once.
 */
const MONTHS: readonly string[] = [
  'january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari',
  'february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari',
  'march mar märz maerz mär mrz mars marzo março marco maart mrt',
  'april apr avril avr abril abr aprile',
  'may mai mayo maggio mag maio mei',
  'june jun juni juin junio giugno giu junho',
  'july jul juli juillet juil julio luglio lug julho',
  'august aug août aout agosto ago augustus',
  'september sep sept septembre septiembre setiembre set settembre setembro',
  'october oct oktober okt octobre octubre ottobre ott outubro out',
  'november nov novembre noviembre novembro',
  'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro',
];

const MONTH_NUMBER = new Map<string, number>();
MONTHS.forEach((names, index) => {
  for (const name of names.split(' ')) MONTH_NUMBER.set(name, index + 1);
});

export function monthNumber(name: string): number | undefined {
  return MONTH_NUMBER.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Alternation for a RegExp, longest names first so "sept" wins over "sep". */
export const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
