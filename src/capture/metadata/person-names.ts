/** Whether a credited name reads as a person's, or is a news agency's or a company's. */
import { squash } from './site-names.ts';

/** Agencies that syndicate stories, by their usual names; credited alone they are not the article's author. */
const AGENCIES = new Set(
  [
    'reuters', 'ap', 'associated press', 'the associated press', 'afp', 'agence france-presse', 'agence france presse',
    'dpa', 'deutsche presse-agentur', 'apa', 'sid', 'kna', 'epd', 'ddp', 'ansa', 'agenzia ansa', 'efe', 'agencia efe',
    'xinhua', 'pa', 'pa media', 'press association', 'upi', 'tass', 'ria novosti', 'anp', 'belga', 'ats', 'sda',
    'keystone-sda', 'kyodo', 'yonhap', 'aap', 'the canadian press', 'canadian press', 'europa press', 'lusa', 'pap',
  ].map(squash),
);
/** "Reuters Editorial", "dpa-AFX", "Redazione ANSA": an agency's desk. */
const AGENCY_DESK = /[\s-]+(?:editorial|staff|news|wire|agency|agentur|redaktion|afx|infoline)$|^(?:redazione|redaktion|rédaction|redacción|agenzia|agentur)\s+/gi;

export function isAgency(name: string): boolean {
  return AGENCIES.has(squash(name)) || AGENCIES.has(squash(name.trim().replace(AGENCY_DESK, '')));
}

/** Legal forms that make a name a company's: "Nordsee Medien GmbH", "RS-RegioMediaServices Ltd. & Co. KG". */
const LEGAL_FORM = /(?<![\p{L}\p{N}])(?:GmbH|gGmbH|AG|KG|KGaA|OHG|e\.\s?V\.?|Ltd\.?|LLC|LLP|Inc\.?|plc|PLC|Corp\.?|S\.A\.?|S\.L\.?|SARL|S\.r\.l\.?|S\.p\.A\.?|B\.V\.?|N\.V\.?|Pty)(?![\p{L}\p{N}])/u;

export const isCompany = (name: string): boolean => LEGAL_FORM.test(name);

/** Lower-case parts of names: "Ursula von der Leyen", "Vincent van Gogh", "Luiz Inácio da Silva". */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'das', 'dos', 'di', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'zu']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;

/**
 * "Sandra Arm", "Boris T. Kaiser", "Ursula von der Leyen": two to five words, each capitalised
 * (or a particle), no digits. Not "clicking Accept", not "SeglerBlog".
 */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const capitalised = words.filter((word) => NAME_WORD.test(word));
  return capitalised.length >= 2 && words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word));
}

/** "Dr.", "Prof. Dr.", "Dipl.-Ing.", "Mag.": titles printed before a name, not part of it. */
const TITLE_BEFORE = /^(?:(?:univ\.-)?prof\.?|dr\.?(?:\s?(?:med|phil|jur|rer\.\s?nat|h\.\s?c)\.)*|dipl\.-\p{L}+\.?|mag\.(?:a\.)?|ing\.|mr\.|mrs\.|ms\.)\s+/iu;
/** Degrees and credentials written after a name, as written (case matters: "Do" is a surname, "DO" a degree). */
const DEGREE = '(?:Ph\\.?\\s?D|M\\.?\\s?D|D\\.?O|RDN?|LDN?|M\\.?S(?:c|W)?|M\\.?A|B\\.?A|B\\.?Sc|MPH|MBA|MFA|J\\.?D|LL\\.?M|RN|NP|PA-C|DVM|PharmD|DDS|CPT|CSCS|CDE|CDCES|FACP|FRCP|MRCP|DPhil|EdD|PsyD|LCSW|CFP|CFA|CPA)\\.?';
const DEGREES_AFTER = new RegExp(`(?:,?\\s+${DEGREE})+$`, 'u');
/** "Jane Roe, Senior Editor": a job title after the name. */
const JOB_TITLE_AFTER = /,\s*[^,]*(?<!\p{L})(?:editor|reporter|correspondent|writer|columnist|contributor|journalist(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|rédact(?:eur|rice)|journaliste|giornalista|periodista)(?!\p{L})[^,]*$/iu;

/** A name without the titles, degrees and job title printed around it: "Dr. Grant Tinsley, PhD" is "Grant Tinsley". */
export function withoutTitles(name: string): string {
  let bare = name.replace(JOB_TITLE_AFTER, '').replace(DEGREES_AFTER, '').trim();
  for (let title = TITLE_BEFORE.exec(bare); title && title[0].length < bare.length; title = TITLE_BEFORE.exec(bare)) bare = bare.slice(title[0].length);
  return bare;
}

/** "gabor_munier", "jsmith", "user123": a login rather than the name a reader sees. */
export const isHandle = (name: string): boolean => !/\s/.test(name) && (/[_\d]/.test(name) || name === name.toLowerCase());
