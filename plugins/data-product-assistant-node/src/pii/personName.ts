import { ambiguousFirstNames, firstNames, honorifics } from './firstNames';
import { matchAll, PiiSpan, resolveOverlaps, span } from './types';

// A capitalised name word ("Szász", "O'Neil", "Smith-Jones") or an initial ("M.", "J").
const CAP = "[\\p{Lu}][\\p{Ll}'’\\p{Lu}-]*[\\p{Ll}]";
const INITIAL = '[\\p{Lu}]\\.?';
const NAME_SEQ = `${CAP}(?:\\s+(?:${INITIAL}\\s+)?(?:(?:van|von|der|den|de|da|di|del|la|le|bin|al|ter)\\s+)*${CAP}){0,2}`;

const HONORIFIC = new RegExp(
  `(?<![\\p{L}])(?:${honorifics
    .map(h => `[${h[0].toUpperCase()}${h[0]}]${h.slice(1)}`)
    .join('|')})\\.?\\s+(${NAME_SEQ})`,
  'gu',
);
// Cues after which the next words are a name, whatever their case.
const CUE = new RegExp(
  `(?:\\bmy name is|\\bname(?: on the account)? is|\\b(?:full |first |last |sur|given |family |user |customer |account holder )?name\\s*[:?=]|\\bi am called|\\bcalled|\\bsigned,?|\\bdirected by:?|\\bwritten by:?|\\bcontact person:?|\\bcustomer:|\\bauthor:|\\battn:?|\\bdear)[ \\t]*(?:\\n[ \\t]*)?`,
  'giu',
);
// Contexts where a Title-case word sequence is a person: "assistant to X", "shouted at X", "Hi X,",
// "sung by X", "commenter X", "X shouted at", "X lives at", "X's daughter".
const TITLE_SEQ = `${CAP}(?:\\s+(?:${INITIAL}\\s+)?${CAP}){0,2}`;
const BEFORE_CUES = new RegExp(
  `(?:\\b(?:assistant to|shouted at|talking to|sung by|arranged by|performed by|not by|commenter|hi|hello|hey|thanks?,?|it to|contacting)\\s+)(${TITLE_SEQ})(?![\\p{L}])`,
  'gu',
);
const AFTER_CUES = new RegExp(
  `(?<![\\p{L}\\p{N}])(${TITLE_SEQ})(?=\\s+(?:shouted|said|says|asked|told|replied|lives|lived|spent|will be talking|is very reliable|points out|had given)\\b|['’]s\\s+(?:address|kid|kids|daughter|son|wife|husband|mother|father|phone|email|e-mail|song|account|birthday)\\b)`,
  'gu',
);
// A list of capitalised single words after a people cue: "our 3 founders: Kónya, Becker and Vasquez".
const PEOPLE_LIST = new RegExp(
  `\\b(?:founders|co-founders|partners|children|kids|sons|daughters|members|authors|siblings|they had \\d+):\\s*((?:${CAP},\\s*)+${CAP}\\s+and\\s+${CAP})`,
  'giu',
);
const CUE_NAME = new RegExp(
  `^(?:${NAME_SEQ}|[\\p{Ll}][\\p{Ll}'-]+(?:\\s+[\\p{Ll}]\\.?)?(?:\\s+[\\p{Ll}][\\p{Ll}'-]+)?)`,
  'u',
);
const CAP_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}_@./-])${CAP}(?![\\p{L}\\p{N}_@-])`,
  'gu',
);

const STOP_AFTER_CUE = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'it',
  'not',
  'is',
  'was',
  'and',
  'or',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'be',
  'been',
  'column',
  'field',
  'table',
  'string',
  'null',
  'unknown',
  'required',
]);
// Capitalised words that follow a first name but are not surnames.
const NOT_SURNAME = new Set([
  'The',
  'And',
  'Or',
  'But',
  'In',
  'On',
  'At',
  'To',
  'For',
  'From',
  'With',
  'By',
  'Of',
  'Is',
  'Was',
  'Street',
  'Road',
  'Avenue',
  'Table',
  'Column',
  'Data',
  'Team',
  'Group',
  'Inc',
  'Ltd',
  'Corp',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'I',
  'He',
  'She',
  'We',
  'They',
]);

function lower(s: string): string {
  return s.toLocaleLowerCase();
}

/** Person names: honorific + name, "my name is"/"Name:" cues, known first name + capitalised surname. */
export function detectPersonNames(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(HONORIFIC, text)) {
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    out.push(span('person', text, start, start + name.length, 0.85));
  }
  for (const m of matchAll(CUE, text)) {
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 80);
    const n = CUE_NAME.exec(rest);
    if (!n) continue;
    let name = n[0].replace(/[\s.]+$/, '');
    const words = name.split(/\s+/);
    // Lower-case words after a cue: keep at most three, none of them function words.
    while (words.length && STOP_AFTER_CUE.has(lower(words[words.length - 1])))
      words.pop();
    if (!words.length || STOP_AFTER_CUE.has(lower(words[0]))) continue;
    name = rest.slice(
      0,
      rest.indexOf(words[words.length - 1]) + words[words.length - 1].length,
    );
    if (name.length < 2) continue;
    out.push(span('person', text, at, at + name.length, 0.8));
  }
  for (const re of [BEFORE_CUES, AFTER_CUES]) {
    for (const m of matchAll(re, text)) {
      const name = m[1];
      const first = name.split(/\s+/)[0];
      if (
        NOT_SURNAME.has(first) ||
        STOP_AFTER_CUE.has(lower(name)) ||
        honorifics.includes(lower(first))
      )
        continue;
      const start = m.index + m[0].indexOf(name);
      out.push(span('person', text, start, start + name.length, 0.75));
    }
  }
  for (const m of matchAll(PEOPLE_LIST, text)) {
    let at = m.index + m[0].length - m[1].length;
    for (const w of m[1].split(/\s*,\s*|\s+and\s+/)) {
      const start = text.indexOf(w, at);
      out.push(span('person', text, start, start + w.length, 0.7));
      at = start + w.length;
    }
  }
  // Known first names, optionally followed by an initial and capitalised surname(s).
  const words = [...matchAll(CAP_WORD, text)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const key = lower(w[0]);
    const known = firstNames.has(key);
    const ambiguous = ambiguousFirstNames.has(key);
    if (!known && !ambiguous) continue;
    let end = w.index + w[0].length;
    let j = i + 1;
    let surnames = 0;
    while (j < words.length && surnames < 2) {
      const gap = text.slice(end, words[j].index);
      if (
        !/^\s(?:[\p{Lu}]\.?\s)?$/u.test(gap) &&
        !/^\s[\p{Lu}]\.\s$/u.test(gap)
      )
        break;
      if (NOT_SURNAME.has(words[j][0])) break;
      end = words[j].index + words[j][0].length;
      surnames++;
      j++;
    }
    if (surnames > 0) {
      out.push(span('person', text, w.index, end, 0.8));
      i = j - 1;
    } else if (known && !ambiguous) {
      out.push(span('person', text, w.index, end, 0.6));
    }
  }
  return resolveOverlaps(out);
}
