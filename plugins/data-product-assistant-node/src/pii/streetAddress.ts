import { matchAll, PiiSpan, resolveOverlaps, span } from './types';

const L = "[\\p{Lu}][\\p{L}'’.-]*";
const SUFFIX =
  '(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Crescent|Cres|Close|Row|Trail|Trl|Plaza|Alley|Loop|Walk|Gardens|Grove|Mews|Hill|Heights|Park)';
const UNIT =
  '(?:,?\\s*(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor|Fl\\.?|Room|Rm\\.?|#)(?![\\p{L}])\\s*[\\w-]{1,6})?';
const CITY_STATE_ZIP =
  "(?:,\\s*[\\p{Lu}][\\p{L} .'-]{1,30},\\s*(?:[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?|[\\p{Lu}][\\p{L} ]{2,30}\\s\\d{4,5}))?";

// "221B Baker Street", "1600 Pennsylvania Ave NW, Suite 5"
const NUMBER_FIRST = new RegExp(
  `(?<![\\w-])\\d{1,6}[A-Za-z]?\\s+(?:${L}\\s+){0,4}${SUFFIX}\\b\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b)?${UNIT}${CITY_STATE_ZIP}`,
  'u',
);
// "Rua Diadema 1903", "Via Franscini 71", "ul. Biskupa Bogedaina 118", "Calle Mayor 5"
const PREFIX_FIRST = new RegExp(
  `(?<![\\p{L}])(?:Rua|Via|Viale|Calle|Carrer|Avenida|Avinguda|Rue|Boulevard|Chemin|Allée|Strada|Piazza|Plaza|Largo|Travessa|Praça|ul\\.|ulica|Aleja|al\\.)\\s+(?:(?:d[aeo]s?|de la|del|della|di|du|des|la|le)\\s+)?(?:${L}\\s+){0,3}\\d{1,5}[A-Za-z]?(?![\\w])${UNIT}`,
  'u',
);
// "Brucker Bundesstrasse 31", "Præstevænget 15", "Storgatan 4"
const COMPOUND_STREET = new RegExp(
  `(?<![\\p{L}])(?:${L}\\s+)?[\\p{Lu}][\\p{L}]{2,}(?:straße|strasse|str\\.|weg|gasse|vej|vænget|gade|laan|straat|plein|allee|platz|ring|gatan|vägen|veien|veg|katu|kuja|tie|utca|ucca|ulica)\\s+\\d{1,5}[A-Za-z]?(?![\\w])${UNIT}`,
  'u',
);
// Number, street name, house number: "20789 Allika 46", "172 Maneeži 75", "9721 Dalmatinova 43 Apt. 678".
const SANDWICH = new RegExp(
  `(?<![\\w-])\\d{2,6}[ \\t]+(?:${L}[ \\t]+){0,2}${L}[ \\t]+\\d{1,4}[A-Za-z]?(?![\\w.,]\\d)(?![\\w])${UNIT}`,
  'u',
);
// After an address cue: "lives at Villacher Strasse 89", "Address: Edeby 55".
const CUED = new RegExp(
  `(?<=(?:\\b(?:[Ll]ives?|[Ll]iving|[Ll]ocated|meet you|sent|send it|[Dd]eliver(?:ed)?|moved|arrived) (?:at|to|in|on)|\\b[Aa]ddress(?: is)?:?|\\bstation is on)\\s+)(?:${L}[ \\t]+){0,2}${L}[ \\t]+\\d{1,5}[A-Za-z]?(?![\\w])${UNIT}`,
  'u',
);
const PO_BOX =
  /(?<![\w])(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Postfach|Apartado(?:\s+de\s+Correos)?|Caixa\s+Postal)\s+\d{1,7}(?![\w])/i;
// Military mail: "PSC 1234, Box 5678\nAPO AE 09876", "Unit 4526 Box 0671\nDPO AP 40902", "USNS Bergman\nFPO AP 93757"
const MILITARY =
  /(?<![\w])(?:(?:PSC|Unit)\s+\d{3,5},?\s+Box\s+\d{3,5}\s*,?\s*|(?:USNS|USNV|USS|USCGC)\s+[A-Z][\w'-]+\s*,?\s*)?\b[ADF]PO\s+A[AEP]\s+\d{5}\b/i;

// What may follow a street on the same address: unit, city, region, country and postcode segments,
// each after a comma, a line break or ">" ("…Bond Street\n Suite 413\n Warwick\n United States").
const TAIL_FIRST = "(?:[\\p{Lu}][\\p{L}'’.-]*|\\d{4,6}|nan)(?![\\p{L}\\p{N}])";
const TAIL_WORD =
  "(?:[\\p{Lu}][\\p{L}'’.-]*|\\d{4,6}|de|do|da|du|del|la|le|u|na|v|nan)(?![\\p{L}\\p{N}])";
const TAIL = new RegExp(
  `(?:\\s+(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor|Fl\\.?|Room|Rm\\.?|#)(?![\\p{L}])\\s*[\\w-]{1,6}` +
    `|[ \\t]*(?:,|\\n|>)[ \\t]*(?:\\n[ \\t]*)?${TAIL_FIRST}(?:[ \\t]+${TAIL_WORD}){0,4})`,
  'uy',
);
const LEAD = /(?<![\w-])\d{1,6}[ \t]+$/;

/** Extends an address span over its unit/city/region/country/postcode tail and a leading house or block number. */
function extend(text: string, start: number, end: number): [number, number] {
  let tailEnd = end;
  let segments = 0;
  for (;;) {
    TAIL.lastIndex = tailEnd;
    const m = TAIL.exec(text);
    if (!m || segments >= 6) break;
    tailEnd = m.index + m[0].replace(/[\s,>]+$/, '').length;
    segments++;
  }
  const lead = LEAD.exec(text.slice(Math.max(0, start - 12), start));
  return [lead ? start - lead[0].length : start, tailEnd];
}

/** Street addresses (number + street + suffix, continental forms, PO boxes, military mail). */
export function detectStreetAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(NUMBER_FIRST, text)) {
    // "3 Days", "5 Park" alone are weak; a suffix plus at least one name word is required.
    const words = m[0].trim().split(/\s+/);
    if (words.length < 3) continue;
    out.push(
      span(
        'street-address',
        text,
        ...extend(text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length),
        0.75,
      ),
    );
  }
  for (const m of matchAll(PREFIX_FIRST, text)) {
    out.push(
      span(
        'street-address',
        text,
        ...extend(text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length),
        0.7,
      ),
    );
  }
  for (const m of matchAll(COMPOUND_STREET, text)) {
    out.push(
      span(
        'street-address',
        text,
        ...extend(text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length),
        0.7,
      ),
    );
  }
  for (const re of [SANDWICH, CUED]) {
    for (const m of matchAll(re, text)) {
      // Not dates or amounts: the name must not be a month or a currency.
      if (
        /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|USD|EUR|GBP|Euro|Dollars?)\b/i.test(
          m[0],
        )
      )
        continue;
      out.push(
        span(
          'street-address',
          text,
          ...extend(
            text,
            m.index,
            m.index + m[0].replace(/[\s,]+$/, '').length,
          ),
          0.65,
        ),
      );
    }
  }
  for (const m of matchAll(PO_BOX, text)) {
    out.push(
      span(
        'street-address',
        text,
        ...extend(text, m.index, m.index + m[0].length),
        0.8,
        'po-box',
      ),
    );
  }
  for (const m of matchAll(MILITARY, text)) {
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
  }
  return resolveOverlaps(out);
}
