/**
 * Month names as dates print them, one table per language: full names, abbreviations and the forms
 * used inside dates (genitive, with a prefix such as Hebrew ב-), lower-case and without a trailing dot.
 * A name shared by two languages ("mai", "مارس") means the same month in both.
 */
const MONTHS_BY_LANGUAGE: Record<string, readonly string[]> = {
  english: ['january jan', 'february feb', 'march mar', 'april apr', 'may', 'june jun', 'july jul', 'august aug', 'september sep sept', 'october oct', 'november nov', 'december dec'],
  german: ['januar jänner jän', 'februar', 'märz maerz mär mrz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober okt', 'november', 'dezember dez'],
  french: ['janvier janv', 'février fevrier févr fevr', 'mars', 'avril avr', 'mai', 'juin', 'juillet juil', 'août aout', 'septembre', 'octobre', 'novembre', 'décembre decembre déc'],
  spanish: ['enero ene', 'febrero', 'marzo', 'abril abr', 'mayo', 'junio', 'julio', 'agosto ago', 'septiembre setiembre set', 'octubre', 'noviembre', 'diciembre dic'],
  italian: ['gennaio gen', 'febbraio', 'marzo', 'aprile', 'maggio mag', 'giugno giu', 'luglio lug', 'agosto', 'settembre', 'ottobre ott', 'novembre', 'dicembre'],
  portuguese: ['janeiro', 'fevereiro fev', 'março marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro out', 'novembro', 'dezembro'],
  dutch: ['januari', 'februari', 'maart mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  romanian: ['ianuarie ian', 'februarie', 'martie', 'aprilie', 'mai', 'iunie iun', 'iulie iul', 'august', 'septembrie', 'octombrie', 'noiembrie noi', 'decembrie'],
  russian: ['января январь янв', 'февраля февраль фев', 'марта март', 'апреля апрель', 'мая май', 'июня июнь', 'июля июль', 'августа август', 'сентября сентябрь', 'октября октябрь', 'ноября ноябрь', 'декабря декабрь'],
  ukrainian: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  polish: ['stycznia styczeń', 'lutego luty', 'marca marzec', 'kwietnia kwiecień', 'maja', 'czerwca czerwiec', 'lipca lipiec', 'sierpnia sierpień', 'września wrzesień', 'października październik', 'listopada listopad', 'grudnia grudzień'],
  czech: ['ledna leden', 'února únor', 'března březen', 'dubna duben', 'května květen', 'června červen', 'července červenec', 'srpna srpen', 'září', 'října říjen', 'listopadu', 'prosince prosinec'],
  turkish: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  greek: ['ιανουαρίου ιανουάριος ιαν', 'φεβρουαρίου φεβρουάριος φεβ', 'μαρτίου μάρτιος', 'απριλίου απρίλιος', 'μαΐου μάιος', 'ιουνίου ιούνιος', 'ιουλίου ιούλιος', 'αυγούστου αύγουστος', 'σεπτεμβρίου σεπτέμβριος', 'οκτωβρίου οκτώβριος', 'νοεμβρίου νοέμβριος', 'δεκεμβρίου δεκέμβριος'],
  // Egyptian and Gulf names, then the Levantine ones (Syria, Lebanon, Jordan, Iraq), often printed together: "أغسطس/آب".
  arabic: [
    'يناير كانون_الثاني', 'فبراير شباط', 'مارس آذار', 'أبريل ابريل إبريل نيسان', 'مايو أيار', 'يونيو يونيه حزيران',
    'يوليو يوليه تموز', 'أغسطس اغسطس آب', 'سبتمبر أيلول', 'أكتوبر اكتوبر تشرين_الأول', 'نوفمبر تشرين_الثاني', 'ديسمبر كانون_الأول',
  ],
  // Gregorian months as Persian writes them; the Solar Hijri months are in PERSIAN_MONTHS below.
  persian: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه ژوئیهٔ', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
  hebrew: ['ינואר בינואר', 'פברואר בפברואר', 'מרץ במרץ', 'אפריל באפריל', 'מאי במאי', 'יוני ביוני', 'יולי ביולי', 'אוגוסט באוגוסט', 'ספטמבר בספטמבר', 'אוקטובר באוקטובר', 'נובמבר בנובמבר', 'דצמבר בדצמבר'],
};

/** Solar Hijri (Jalali) months, used with years 13xx and 14xx on Iranian and Afghan pages. */
const PERSIAN_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** Names that hold a space are written with "_" in the tables above. */
const names = (list: string) => list.split(' ').map((name) => name.replace(/_/g, ' '));

const MONTH_NUMBER = new Map<string, number>();
for (const months of Object.values(MONTHS_BY_LANGUAGE)) {
  months.forEach((list, index) => {
    for (const name of names(list)) MONTH_NUMBER.set(name, index + 1);
  });
}

const PERSIAN_NUMBER = new Map(PERSIAN_MONTHS.map((name, index) => [name, index + 1]));

export function monthNumber(name: string): number | undefined {
  return MONTH_NUMBER.get(name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '));
}

export function persianMonthNumber(name: string): number | undefined {
  return PERSIAN_NUMBER.get(name);
}

const alternation = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length).map((name) => name.replace(/ /g, '\\s+')).join('|');

/** Alternation for a RegExp, longest names first so "sept" wins over "sep". */
export const MONTH_PATTERN = alternation(MONTH_NUMBER.keys());
export const PERSIAN_MONTH_PATTERN = alternation(PERSIAN_NUMBER.keys());
