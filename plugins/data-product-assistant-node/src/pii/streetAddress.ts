import { matchAll, PiiSpan, span } from './types';

const L = "[\\p{Lu}][\\p{L}'’.-]*";
const SUFFIX =
  '(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Crescent|Cres|Close|Row|Trail|Trl|Plaza|Alley|Loop|Walk|Gardens|Grove|Mews|Hill|Heights|Park)';
const UNIT = "(?:,?\\s*(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor|Fl\\.?|Room|Rm\\.?|#)\\s*[\\w-]{1,6})?";
const CITY_STATE_ZIP = "(?:,\\s*[\\p{Lu}][\\p{L} .'-]{1,30},\\s*(?:[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?|[\\p{Lu}][\\p{L} ]{2,30}\\s\\d{4,5}))?";

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
  `(?<![\\p{L}])(?:${L}\\s+)?[\\p{Lu}][\\p{L}]*(?:straße|strasse|str\\.|weg|gasse|vej|vænget|gade|laan|straat|plein|allee|platz|ring|gatan|vägen|veien|veg|katu|tie|utca|ucca|ulica)\\s+\\d{1,5}[A-Za-z]?(?![\\w])${UNIT}`,
  'u',
);
const PO_BOX =
  /(?<![\w])(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Postfach|Apartado(?:\s+de\s+Correos)?|Caixa\s+Postal)\s+\d{1,7}(?![\w])/i;
// Military mail: "PSC 1234, Box 5678\nAPO AE 09876", "Unit 4526 Box 0671\nDPO AP 40902", "USNS Bergman\nFPO AP 93757"
const MILITARY =
  /(?<![\w])(?:(?:PSC|Unit)\s+\d{3,5},?\s+Box\s+\d{3,5}\s*,?\s*|(?:USNS|USNV|USS|USCGC)\s+[A-Z][\w'-]+\s*,?\s*)?\b[ADF]PO\s+A[AEP]\s+\d{5}\b/i;

/** Street addresses (number + street + suffix, continental forms, PO boxes, military mail). */
export function detectStreetAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(NUMBER_FIRST, text)) {
    // "3 Days", "5 Park" alone are weak; a suffix plus at least one name word is required.
    const words = m[0].trim().split(/\s+/);
    if (words.length < 3) continue;
    out.push(span('street-address', text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length, 0.75));
  }
  for (const m of matchAll(PREFIX_FIRST, text)) {
    out.push(span('street-address', text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length, 0.7));
  }
  for (const m of matchAll(COMPOUND_STREET, text)) {
    out.push(span('street-address', text, m.index, m.index + m[0].replace(/[\s,]+$/, '').length, 0.7));
  }
  for (const m of matchAll(PO_BOX, text)) {
    out.push(span('street-address', text, m.index, m.index + m[0].length, 0.8, 'po-box'));
  }
  for (const m of matchAll(MILITARY, text)) {
    out.push(span('street-address', text, m.index, m.index + m[0].length, 0.8, 'military'));
  }
  return out;
}
