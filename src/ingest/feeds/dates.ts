/**
 * Feed dates as publishers really write them: RFC 822 with or without a zone, zone names
 * JavaScript does not know (CET, MSK), month and day names in other languages ("Seg, 24 Set
 * 2018"), ISO 8601 with a space or without a zone, Unix timestamps.
 */

const months: Record<string, number> = {};
const monthNames: Array<[number, string[]]> = [
  [0, ['jan', 'janv', 'janeiro', 'enero', 'ene', 'gen', 'januar', 'janvier', 'gennaio', 'jän', 'sty', 'led']],
  [1, ['feb', 'fev', 'fév', 'févr', 'fevereiro', 'febrero', 'februar', 'février', 'febbraio', 'lut', 'úno']],
  [2, ['mar', 'mär', 'mrz', 'mars', 'março', 'marzo', 'märz', 'mrt', 'maart', 'bře']],
  [3, ['apr', 'abr', 'avr', 'avril', 'abril', 'april', 'aprile', 'kwi', 'dub']],
  [4, ['may', 'mai', 'maio', 'mayo', 'mag', 'maggio', 'mei', 'maj', 'kvě']],
  [5, ['jun', 'juin', 'junho', 'junio', 'juni', 'giu', 'giugno', 'cze', 'čvn']],
  [6, ['jul', 'juil', 'juillet', 'julho', 'julio', 'juli', 'lug', 'luglio', 'lip', 'čvc']],
  [7, ['aug', 'ago', 'août', 'aout', 'agosto', 'august', 'sie', 'srp']],
  [8, ['sep', 'sept', 'set', 'septembre', 'setembro', 'septiembre', 'september', 'settembre', 'wrz', 'zář']],
  [9, ['oct', 'out', 'okt', 'ott', 'octobre', 'outubro', 'octubre', 'oktober', 'ottobre', 'paź', 'říj']],
  [10, ['nov', 'novembre', 'novembro', 'noviembre', 'november', 'lis']],
  [11, ['dec', 'dez', 'déc', 'dic', 'décembre', 'dezembro', 'diciembre', 'dezember', 'dicembre', 'grudzień', 'gru', 'pro']],
];
for (const [index, names] of monthNames) for (const name of names) months[name] = index;
const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Zone names V8 does not parse; ambiguous ones (IST, CST in Asia) are left out on purpose.
const zones: Record<string, string> = {
  UTC: '+0000',
  Z: '+0000',
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  CET: '+0100',
  MET: '+0100',
  CEST: '+0200',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
};

function iso(time: number): string | undefined {
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Returns the ISO 8601 (UTC) form of a feed date, or undefined when it cannot be read. A date
 * without a zone is taken as UTC, never as the machine's local time.
 */
export function parseFeedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{9,10}$/.test(text)) return iso(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return iso(Number(text));

  const isoLike = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*(Z|[+-]\d\d:?\d\d)?)?$/i.exec(text);
  if (isoLike) {
    const [, day, time, zone] = isoLike;
    if (!time) return iso(Date.parse(`${day}T00:00:00Z`));
    const offset = zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')) : 'Z';
    return iso(Date.parse(`${day}T${time.replace(',', '.')}${offset}`));
  }

  // RFC 822 and its relatives: drop the weekday, put the month in English, name the zone.
  let rfc = text.replace(/^[^\d\s,]+\.?,?\s+(?=\d)/u, '');
  rfc = rfc.replace(/(\d{1,2})\.?\s+([^\d\s.,]+)\.?,?\s+(\d{4})/u, (match, day: string, month: string, year: string) => {
    const index = months[month.toLowerCase()];
    return index === undefined ? match : `${day} ${englishMonths[index]} ${year}`;
  });
  rfc = rfc.replace(/\b([A-Z]{1,5})\s*$/, (match, zone: string) => zones[zone] ?? match);
  if (/\d\d:\d\d(:\d\d)?\s*$/.test(rfc)) rfc += ' +0000';
  return iso(Date.parse(rfc));
}

/** Items published longer ago than this are skipped on polls, unless NEWSBOT_FEED_MAX_AGE_DAYS says otherwise. */
export const defaultFeedMaxAgeDays = 30;
