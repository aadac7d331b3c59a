/**
 * Street addresses by the grammar of postal addresses (addressWords.ts for
 * the vocabulary): a house number and a street name with its street type
 * ("221B Baker Street", "Rua das Flores 12", "Grazer Bundesstrasse 12",
 * "31 rue de la Paix"), a street name and a house number where the text says
 * it is an address or a unit or postcode follows, street intersections, post
 * office boxes and military mail; each extended over the unit, floor, city,
 * region, country and postcode segments that follow it, and back over a unit
 * and a building's name written before it.
 */
import { isStopword, lexicon } from '../text';
import {
  isAddressWord,
  unitWords,
  STREET_ENDINGS,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  STREET_TYPES,
  UNIT_WORDS,
  BUILDING_WORDS,
} from './addressWords';
import { casedForAddresses } from './truecase';
import { matchAll, PiiSpan, resolveOverlaps, span } from './types';

const alt = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

// A capitalised name word ("Baker", "O'Neil", "Saint-Priest", "Λ.").
const L = "\\p{Lu}[\\p{L}'’.-]*";
// A word of a street name, any case ("de", "pologne").
const W = "[\\p{L}][\\p{L}'’.-]*";
const PARTICLE =
  '(?:d[aeo]s?|de la|del|della|di|du|des|la|le|of|the|van|von|der|den|ter)';
const SUFFIX = `(?:${alt(STREET_SUFFIXES)})`;
const PREFIX = `(?:${alt(STREET_PREFIXES)})`;
const ENDING = `(?:${alt(STREET_ENDINGS)})`;
const UNIT_WORD = `(?:${alt(UNIT_WORDS)})`;
// (a French repeat "3 bis", a Dutch floor "123-II" or "12-hs")
const HOUSE =
  '\\d{1,6}[A-Za-z]?(?:[-/](?:\\d{1,4}[A-Za-z]?|[IVX]{1,4}(?![\\p{L}])|hs(?![\\p{L}])))?(?:[ \\t](?:bis|ter|quater)(?![\\p{L}]))?';
// The side of a floor's door: Spanish, Portuguese, Danish ("izq.", "dcha.", "esq.", "tv.", "th.", "mf.")
const DOOR = `(?:${alt(
  [
    'izq',
    'izqda',
    'izquierda',
    'dcha',
    'dch',
    'der',
    'derecha',
    'ctro',
    'centro',
    'esq',
    'dto',
    'dt',
    'tv',
    'th',
    'mf',
  ].flatMap(w => [w, w[0].toUpperCase() + w.slice(1)]),
)})`;
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)';

// "221B Baker Street", "1600 Pennsylvania Ave NW", "12 Harrow Road"; a street's name is
// written on one line (a unit word on the next line starts the next segment: "…Lane\nFlat 7")
const NUMBER_FIRST = new RegExp(
  `(?<![\\w-])${HOUSE},?\\s+(?:${L}[ \\t]+){1,4}${SUFFIX}(?![\\p{L}])\\.?(?:\\s+${DIRECTION}(?![\\p{L}]))?`,
  'gu',
);
// "Rua das Flores 12", "Via Nuova del Campo 85", "ul. Cicha 86", "Λ. Αλεξάνδρας 14"
const PREFIX_FIRST = new RegExp(
  `(?<![\\p{L}])${PREFIX}\\.?\\s+(?:${PARTICLE}\\s+)*(?:${W}\\s+){0,4}${HOUSE}(?![\\w])`,
  'giu',
);
// "12 rue des Lilas", "8 rue de la paix"
const NUMBER_PREFIX = new RegExp(
  `(?<![\\w-])${HOUSE},?\\s+${PREFIX}\\.?\\s+(?:${PARTICLE}\\s+)*${W}(?:[ \\t]+${W}){0,3}`,
  'giu',
);
// "Grazer Bundesstrasse 12", "Dalgatan 7", "Kossuth Lajos u. 12", "Kvarnbacka 12"
const COMPOUND = new RegExp(
  `(?<![\\p{L}])(?:${L}\\s+){0,2}(?:\\p{Lu}\\p{L}{2,}${ENDING}\\.?|${L}\\s+(?:${ENDING}|u\\.))\\s+${HOUSE}\\.?(?![\\w])`,
  'gu',
);
// A name with common nouns of its language before a separate street-type word: "Zsigmond király
// útja 7" (the nouns must be no English words: "Postgres uses a ring 3 times" is no street).
const COMPOUND_COMMON = new RegExp(
  `(?<![\\p{L}])${L}\\s+((?:\\p{Ll}[\\p{L}'’-]*\\s+){1,2})(?:${ENDING}|u\\.)\\s+${HOUSE}\\.?(?![\\w])`,
  'gu',
);
// A street name and a house number ("Kvarnbacka 12", "Tarnek 240"), confirmed by what is around it.
const NAME_NUMBER = new RegExp(
  `(?<![\\p{L}\\d])((?:${L}[ \\t]+){0,3}${L})[ \\t]+(${HOUSE})(?![\\w.,]\\d)(?![\\w])`,
  'gu',
);
// A house or block number, a street name and a house number: "4471 Vrbova 19", "88 Tarnek 240".
const NUMBER_NAME_NUMBER = new RegExp(
  `(?<![\\w-])${HOUSE}[ \\t]+(${L}(?:[ \\t]+${W}){0,3})[ \\t]+${HOUSE}(?![\\w.,]\\d)(?![\\w])`,
  'gu',
);
// A house number and a street name of no known type, where the text says an address follows and
// the line ends after it: "lives at 5 Harbour Esplanade, …".
const NUMBER_NAME = new RegExp(
  `(?<![\\w-])${HOUSE}[ \\t]+(${L}(?:[ \\t]+${L}){0,2})(?![\\p{L}\\d])`,
  'gu',
);
// A street named without a number: "shows on Quennell Lodge Street", "lives on Baker Street".
const NAMED_STREET = new RegExp(
  `(?<![\\p{L}])(?:${L}[ \\t]+){1,3}(?:Street|Road|Avenue|Boulevard|Lane|Drive|Terrace|Crescent|Highway|Parkway)(?![\\p{L}])`,
  'gu',
);
const NAMED_STREET_TYPE =
  /Street|Road|Avenue|Boulevard|Lane|Drive|Terrace|Crescent|Highway|Parkway/;
// After a preposition of place, any street type: "played on Quennell Forks", "lives on Harrow Green".
const PLACED_STREET = new RegExp(
  `(?<=\\b(?:on|at|along|off|onto|via)[ \\t]+(?:the[ \\t]+)?)(?:${L}[ \\t]+){1,3}(?:${alt(
    STREET_TYPES,
  )})(?![\\p{L}])`,
  'gu',
);
// "the corner of A and B" where neither names a number: two street names with their types
const INTERSECTION = new RegExp(
  `(?:\\bthe\\s+)?corner\\s+of\\s+(?:${L}\\s+){1,3}${SUFFIX}\\.?\\s+and\\s+(?:${L}\\s+){1,3}${SUFFIX}\\.?`,
  'gu',
);
// Where a text says an address follows.
const CUE =
  /(?:\b(?:lives?|living|located|situated|based|resides?|residing|stay(?:s|ing)?|ship(?:ped)?|send|sent|deliver(?:ed|y)?|mail(?:ed)?|move[ds]?|moving|visit|meet(?: me| you| us)?|is|are) (?:at|to|on|in)|\baddress(?:es)?(?: is|:)|\bstreet:|\bis on)[ \t:]*$/i;
// A sentence about an address whose new value follows: "change the address on my card to …"
const ADDRESS_TO = /\baddress(?:es)?\b[^.?!\n]{0,60}\b(?:to|is|as)[ \t:]*$/i;
const CORNER = /(?:\bthe\s+)?corner\s+of\s+$/i;
const PO_BOX =
  /(?<![\w])(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Postfach|Apartado(?:\s+de\s+Correos)?|Caixa\s+Postal|Boîte\s+Postale|BP)\s+\d{1,7}(?![\w])/gi;
// US military mail: "PSC 1234, Box 5678\nAPO AE 09876", "Unit 4526 Box 0671\nDPO AP 40902", "USNS Bergman\nFPO AP 93757"
const MILITARY =
  /(?<![\w])(?:(?:PSC|Unit|CMR)\s+\d{3,5},?\s+Box\s+\d{3,5}\s*,?\s*|(?:USNS|USNV|USS|USCGC)\s+\p{Lu}[\p{L}'-]+\s*,?\s*)?\b[ADF]PO\s+A[AEP]\s+\d{5}\b/giu;

// What may follow a street in the same address: a unit, then city, region, country and
// postcode segments, each after a comma or a line break.
// (postcodes first: "BS1 4RN", "M5B 2H1", "1015 CJ", "00-950", "3610-114", "114 20", before a
// capitalised word takes "BS")
const POSTCODE_WORD =
  '(?:[A-Z]{1,2}\\d[\\dA-Z]?[ \\t]?\\d[A-Z]{2}|[A-Z]\\d[A-Z][ \\t]?\\d[A-Z]\\d|\\d{4}[ \\t]?[A-Z]{2}|\\d{2,5}-\\d{3,4}|\\d{3} \\d{2})(?![\\w-])';
const SEGMENT_WORD = `(?:${POSTCODE_WORD}|\\p{Lu}[\\p{L}'’.()-]*|\\d{4,6})`;
// (a short number closing a segment belongs to it: "Box 3", "Dublin 8")
const SEGMENT_MORE = `(?:${POSTCODE_WORD}|\\p{Lu}[\\p{L}'’.()-]*|\\(\\p{Lu}\\p{L}*\\)|\\d{3,6}|\\d{1,2}[A-Za-z]?(?=[ \\t]*(?:[,\\n]|$))|[A-Z]\\d[A-Z]|d[aeo]|du|del|la|le|u|v|na|nad|pod|am|an|im|sur|upon|on)`;
const TAIL = new RegExp(
  `(?:\\.?[ \\t]*(?:,|\\n)?[ \\t]*(?:(?:${UNIT_WORD})\\.?[ \\t]*#?|#)[ \\t]*\\d[\\w-]{0,5}` +
    // a floor written as an ordinal: ", 34th Floor", ", 3º B" (floor and door)
    `|[ \\t]*(?:,|\\n)?[ \\t]*\\d{1,3}(?:st|nd|rd|th)[ \\t]+(?:Floor|Fl\\.?)(?![\\p{L}])` +
    `|[ \\t]*,?[ \\t]*\\d{1,2}[º°ª](?:[ \\t]*(?:${DOOR}|[A-Z])(?![\\p{L}])\\.?)?` +
    // a floor with a full stop and the side or the word for floor: ", 2. tv.", ", st. th.", ", 3. OG"
    `|[ \\t]*,[ \\t]*(?:\\d{1,2}\\.|st\\.?)[ \\t]*(?:${DOOR}|sal|OG|Etage|Stock|piso|andar)(?![\\p{L}])\\.?` +
    // (an abbreviation's full stop may come before the comma: "2º izq., 28014 Madrid")
    `|[ \\t]*(?:\\.?[ \\t]*,|\\n)[ \\t]*(?:\\n[ \\t]*)?,?[ \\t]*${SEGMENT_WORD}(?:[ \\t]+${SEGMENT_MORE}){0,4}(?![\\p{L}])` +
    // a town in capitals on the same line, as postal addresses write it: "Apt. 4 DUNMORE PA"
    `|[ \\t]+\\p{Lu}{2}[\\p{Lu}'’.-]*(?![\\p{Ll}])(?:[ \\t]+${SEGMENT_MORE}){0,3}(?![\\p{L}]))`,
  'uy',
);
// A town written on the street's line without a comma, where the line, a region code or a
// postcode shows it ends the address: "… Apt. 4 Porto Velho", "… 97. Alto Paraíso, GO 73770"
const TOWN_ON_LINE = new RegExp(
  `\\.?[ \\t]+\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+${SEGMENT_MORE}){0,3}(?=[ \\t]*(?:$|\\n|[,(]|[?!]|\\.[ \\t]*$|\\p{Lu}{2}\\b|\\d{4,6}\\b))`,
  'uy',
);
// A house number written with a full stop ("Kossuth Lajos u. 12.", "Largo do Carmo 3.") at the end
// of its line: the stop belongs to the number when the next line is a unit or one whole segment.
const DOTTED_NUMBER_LINE = new RegExp(
  `\\.(?=[ \\t]*\\n[ \\t]*,?[ \\t]*(?:(?:${UNIT_WORD})\\.?[ \\t]*#?[ \\t]*\\d|${SEGMENT_WORD}(?:[ \\t]+${SEGMENT_MORE}){0,4}[ \\t]*(?:[,\\n]|$)))`,
  'uy',
);
const LEAD = /(?<![\w-])\d{1,6}[ \t]+$/;
// A unit after a street name and number: "Tarnek 240, Apt. 3"
const UNIT_AHEAD = new RegExp(
  `^\\s*,?\\s*(?:${UNIT_WORD})\\.?\\s*#?\\s*\\d`,
  'iu',
);
const UNIT_FIRST = new RegExp(
  `(?<![\\p{L}])(?:${UNIT_WORD})\\.?[ \\t]*#?\\d[\\w-]{0,4},?[ \\t]+$`,
  'iu',
);
// A unit word before a unit and house number written "5/12" (Australian "Unit 5/12 Smith Street").
const UNIT_BARE = new RegExp(`(?<![\\p{L}])(?:${UNIT_WORD})\\.?[ \\t]+$`, 'iu');
// A building's name, as postal addresses write it above or before the street.
const BUILDING_FIRST = new RegExp(
  `(?<![\\p{L}])(?:${L}[ \\t]+){1,3}(?:${alt(
    BUILDING_WORDS,
  )})[ \\t]*(?:,[ \\t]*|\\n[ \\t]*)$`,
  'u',
);
// Where an address line ends: a comma, a line break, the end of the text or a unit ("2 Kafka 3 and …" goes on).
const LINE_END = new RegExp(
  `^(?:[ \\t]*\\.?[ \\t]*(?:[,\\n]|$)|[ \\t]*\\.?[ \\t]*(?:${UNIT_WORD})\\b)`,
  'u',
);
const POSTCODE =
  /^\s*(?:,|\n)?\s*(?:[A-Z]{2}\s+)?\d{4,6}\b|^\s*(?:,|\n)\s*\p{Lu}[\p{L} .'-]{1,30}(?:,|\n)\s*(?:[A-Z]{2}\s+)?\d{4,6}\b/u;
const CLOCK = /^(?:AM|PM|A\.M\.|P\.M\.|h|hrs?|o'clock)\b/i;
const MONTH_OR_MONEY =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|USD|EUR|GBP|CHF|Euro|Euros|Dollars?|Pounds?)\b/i;

/** Extends a street over its unit/city/region/country/postcode segments and a leading block number. */
function extend(text: string, start: number, end: number): [number, number] {
  let tailEnd = end;
  DOTTED_NUMBER_LINE.lastIndex = end;
  if (/\d$/.test(text.slice(0, end)) && DOTTED_NUMBER_LINE.test(text))
    tailEnd = end + 1;
  for (let segments = 0; segments < 6; segments++) {
    TAIL.lastIndex = tailEnd;
    const m = TAIL.exec(text);
    if (!m) {
      TOWN_ON_LINE.lastIndex = tailEnd;
      const town = TOWN_ON_LINE.exec(text);
      if (!town || !/\d\.?$/.test(text.slice(0, tailEnd))) break;
      tailEnd = town.index + town[0].length;
      continue;
    }
    // a field's label is no part of the address: "…, Sweden\nMobile: 555 …"
    if (
      /^[ \t]*:/.test(text.slice(m.index + m[0].replace(/[\s,]+$/, '').length))
    )
      break;
    // a segment is one line or one comma-separated part: it never runs into a sentence
    // (nor takes the full stop that ends it: "…, Lyon.")
    const piece = m[0].replace(/[\s,]+$/, '').replace(/(\p{L}{2})\.$/u, '$1');
    // (an abbreviation's full stop is not one: "Co. Cork", "St. Albans")
    if (/(?<!(?:^|\s)\p{Lu}\p{Ll}?)\.\s+\p{Lu}\p{Ll}/u.test(piece)) break;
    tailEnd = m.index + piece.length;
  }
  const lead = LEAD.exec(text.slice(Math.max(0, start - 12), start));
  const from = lead ? start - lead[0].length : start;
  // a named building before the street, on its own line or before a comma: "Rosewood House, 14 …"
  const building = BUILDING_FIRST.exec(
    text.slice(Math.max(0, from - 60), from),
  );
  const head = building ? from - building[0].length : from;
  // a unit written before the street or building: "Flat 3, 27 Pembury Gardens", "Unit 5/12 Smith Street"
  const before = text.slice(Math.max(0, head - 20), head);
  const unit =
    UNIT_FIRST.exec(before) ??
    (/^\d{1,5}[A-Za-z]?\/\d/.test(text.slice(head))
      ? UNIT_BARE.exec(before)
      : null);
  return [unit ? head - unit[0].length : head, tailEnd];
}

const lower = (s: string) => s.toLocaleLowerCase();
const stripDot = (s: string) => s.replace(/\.$/, '');

/** Whether a name beside a house number is a month, a currency or ordinary English: no street. */
const noStreetName = (name: string) =>
  MONTH_OR_MONEY.test(name) || plainEnglish(name);

/** Whether every word of a street name is ordinary English ("Version", "Table"): then it is no street. */
function plainEnglish(name: string): boolean {
  return name
    .split(/\s+/)
    .every(w => lexicon().frequency(w.replace(/[.'’]+$/, '')) > 0);
}

// detectPii runs this detector and the person-name detector, which runs it too on the same
// text (to keep addresses out of names): the last text's spans serve the second call.
let last: { source: string; spans: readonly PiiSpan[] } | undefined;

/** Street addresses (number + street + type, continental forms, intersections, PO boxes, military mail). */
export function detectStreetAddresses(source: string): PiiSpan[] {
  if (last?.source !== source)
    last = { source, spans: findStreetAddresses(source) };
  return last.spans.map(s => ({ ...s }));
}

function findStreetAddresses(source: string): PiiSpan[] {
  const text = casedForAddresses(source);
  const out: PiiSpan[] = [];
  const add = (start: number, end: number, score: number, subtype?: string) => {
    // a full stop after the house number ends the sentence, not the address
    const trimmed = text
      .slice(start, end)
      .replace(/[\s,]+$/, '')
      .replace(/(\d)\.$/, '$1')
      // nor after a street type written out: "9 Rosemount Terrace." ("Blvd." keeps its dot)
      .replace(/(\p{L}{4,})\.$/u, (m, w: string) =>
        lexicon().isWord(w) ? w : m,
      );
    const [s, e] = extend(text, start, start + trimmed.length);
    // "the corner of A and B": the intersection is the address
    const corner = CORNER.exec(text.slice(Math.max(0, s - 20), s));
    let from = s;
    let to = e;
    if (corner) {
      from = s - corner[0].length;
      const other = new RegExp(
        `^\\s+and\\s+(?:${L}[ \\t]+){0,3}${L}(?:[ \\t]+(?:${SUFFIX})\\.?)?`,
        'u',
      ).exec(text.slice(e));
      if (other) to = e + other[0].length;
    }
    out.push(span('street-address', text, from, to, score, subtype));
  };
  // Cheap tests for what a pattern cannot match without, before its costly scan: a house
  // number (most after white space), a street type, the word "corner".
  const digit = /\d/.test(text);
  const spaceDigit = digit && /\s\d/.test(text);
  const scan = (re: RegExp, needed: boolean) =>
    needed ? matchAll(re, text) : [];
  for (const m of scan(NUMBER_FIRST, digit))
    add(m.index, m.index + m[0].length, 0.8);
  for (const m of scan(PREFIX_FIRST, spaceDigit))
    add(m.index, m.index + m[0].length, 0.75);
  for (const m of scan(NUMBER_PREFIX, digit))
    add(m.index, m.index + m[0].length, 0.75);
  for (const m of scan(COMPOUND, spaceDigit))
    add(m.index, m.index + m[0].length, 0.75);
  for (const m of scan(COMPOUND_COMMON, spaceDigit))
    if (m[1].split(/\s+/).every(w => !w || !lexicon().isWord(w)))
      add(m.index, m.index + m[0].length, 0.7);
  for (const m of scan(NAME_NUMBER, spaceDigit)) {
    const name = m[1];
    if (noStreetName(name)) continue;
    // a unit's number is no house number: "Orla Brennick Apt. 12"
    if (unitWords.has(lower(stripDot(name.split(/\s+/).pop()!)))) continue;
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // a house number before the street name, or "at", where the address line ends: "88 Tarnek 240, …"
    const cued =
      CUE.test(before) ||
      ADDRESS_TO.test(before) ||
      CORNER.test(before) ||
      ((LEAD.test(before) || /\bat[ \t]+$/i.test(before)) &&
        LINE_END.test(after));
    const followed = UNIT_AHEAD.test(after) || POSTCODE.test(after);
    if (!cued && !followed) continue;
    add(m.index, m.index + m[0].length, cued ? 0.7 : 0.65);
  }
  for (const m of scan(NUMBER_NAME, spaceDigit)) {
    const name = m[1];
    if (noStreetName(name) || CLOCK.test(name)) continue;
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (!CUE.test(before) && !ADDRESS_TO.test(before)) continue;
    if (!LINE_END.test(text.slice(m.index + m[0].length))) continue;
    add(m.index, m.index + m[0].length, 0.65);
  }
  for (const m of scan(NUMBER_NAME_NUMBER, spaceDigit)) {
    const name = m[1];
    if (noStreetName(name)) continue;
    if (!LINE_END.test(text.slice(m.index + m[0].length))) continue;
    add(m.index, m.index + m[0].length, 0.7);
  }
  for (const m of [
    ...scan(NAMED_STREET, NAMED_STREET_TYPE.test(text)),
    ...matchAll(PLACED_STREET, text),
  ]) {
    const name = m[0].replace(/\s+\S+$/, '');
    if (
      !name
        .split(/\s+/)
        .every(w => lexicon().frequency(w) > 0 && !/^\p{Lu}{2,}$/u.test(w))
    )
      add(m.index, m.index + m[0].length, 0.55);
  }
  for (const m of scan(INTERSECTION, text.includes('corner')))
    out.push(
      span(
        'street-address',
        text,
        m.index,
        m.index + m[0].replace(/\.$/, '').length,
        0.7,
      ),
    );
  for (const m of scan(PO_BOX, spaceDigit))
    add(m.index, m.index + m[0].length, 0.8, 'po-box');
  for (const m of scan(MILITARY, spaceDigit))
    out.push(
      span(
        'street-address',
        text,
        m.index,
        m.index + m[0].length,
        0.8,
        'military',
      ),
    );
  return resolveOverlaps(out)
    .filter(s => text === source || !plainWords(s.text))
    .map(s => ({ ...s, text: source.slice(s.start, s.end) }));
}

/**
 * Whether an address found in text written in lower case has nothing but ordinary English
 * words beside its street types and units ("27 join keys"): capitals were no evidence there.
 */
function plainWords(found: string): boolean {
  return (found.match(/\p{L}+/gu) ?? []).every(
    w => isAddressWord(w) || isStopword(w) || lexicon().frequency(w) > 0,
  );
}
