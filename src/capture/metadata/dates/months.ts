/**
 * Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese and Dutch,
 * Russian, Ukrainian, Polish, Czech and Turkish (genitive forms as written in dates),
 * lower-case and without a trailing dot. Shared spellings (e.g. "april", "mai") appear once.
 */
const MONTHS: readonly string[] = [
  'january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari января январь янв січня stycznia styczeń ledna leden ocak',
  'february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari февраля февраль фев лютого lutego luty února únor şubat',
  'march mar märz maerz mär mrz mars marzo março marco maart mrt марта март березня marca marzec března březen mart',
  'april apr avril avr abril abr aprile апреля апрель квітня kwietnia kwiecień dubna duben nisan',
  'may mai mayo maggio mag maio mei мая май травня maja května květen mayıs',
  'june jun juni juin junio giugno giu junho июня июнь червня czerwca czerwiec června červen haziran',
  'july jul juli juillet juil julio luglio lug julho июля июль липня lipca lipiec července červenec temmuz',
  'august aug août aout agosto ago augustus августа август серпня sierpnia sierpień srpna srpen ağustos',
  'september sep sept septembre septiembre setiembre set settembre setembro сентября сентябрь вересня września wrzesień září eylül',
  'october oct oktober okt octobre octubre ottobre ott outubro out октября октябрь жовтня października październik října říjen ekim',
  'november nov novembre noviembre novembro ноября ноябрь листопада listopada listopad listopadu kasım',
  'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro декабря декабрь грудня grudnia grudzień prosince prosinec aralık',
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
