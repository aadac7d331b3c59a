/** What a question asks for; drives retrieval boosts, essential facts and the built-in answers. */
export type Intent =
  | 'values'
  | 'count'
  | 'lineage'
  | 'owner'
  | 'access'
  | 'sla'
  | 'quality'
  | 'classification'
  | 'keys'
  | 'reference'
  | 'dataType'
  | 'whichTable'
  | 'columnsHolding'
  | 'tables'
  | 'column'
  | 'product';

const RULES: Array<[Intent, RegExp]> = [
  [
    'values',
    /\bexamples?\b|\bsamples?\b|\bsample values?\b|\bactual values?\b|\breal values?\b|\bwhat do (the )?values look like\b|\b(show|give|tell|list|send) me (the |all |some )?([\w-]+(?:'s?|s')? )?(e-?mails?|e-?mail addresses|phone numbers?|names|addresses|ibans?|values|records|rows)\b|\bwhat (are|is) the ([\w-]+(?:'s?|s')? )?(e-?mails?|e-?mail addresses|phone numbers?|home addresses|ibans?|names of (the )?[\w-]+)\b/,
  ],
  [
    'count',
    /\bhow many\b|\b(number|count) of (tables|columns|fields|attributes|datasets|roles|rules|checks|keys|output ports)\b|\bcount the\b/,
  ],
  [
    'lineage',
    /\bupstream|\bdownstream|\blineage|\bdepend|\bfed by\b|\bfeeds?\b|\bconsum|\bwhere does .* come from|\bderived from\b|\bbuilt (from|on)\b|\bsources? (system|data|product)|\bused by\b|\bwho uses\b/,
  ],
  [
    'owner',
    /\bown(s|er|ers|ed|ing|ership)?\b|\bresponsible\b|\bin charge\b|\bcontact|\bmaintain|\bsupport\b|\bsteward|\bwho (should|can|do|could) i (ask|talk|reach|contact)|\breach out\b|\bteam\b|\bhelp channel|\b(get|find|ask for) help\b|\bslack\b/,
  ],
  [
    'access',
    /\baccess\b|\bpermission|\broles?\b|\bapprov|\brequest (access|a role)|\bgrant|\bentitle|\boutput ports?\b|\bhow (do|can) i (get|use|query|read|subscribe)/,
  ],
  [
    'sla',
    /\bfresh|\bstale\b|\bup[- ]to[- ]date\b|\bupdat|\brefresh|\bhow often\b|\bfrequen|\blatenc|\bdelay|\bretention\b|\bretain|\bkept\b|\bhow long\b|\bhistory\b|\bavailability\b|\bwhen (is|are|will) .*\bavailable\b|\bslas?\b|\bservice level|\bend of (life|support)|\bdeprecat|\buptime\b|\bwhen .* (loaded|ready|arrive|published)/,
  ],
  [
    'quality',
    /\bquality\b|\brules?\b|\bchecks?\b|\bchecked\b|\bvalidat|\btests?\b|\btested\b|\bnulls?\b|\bcompleteness\b|\baccura|\bconsisten|\bduplicates?\b|\bexpectations?\b/,
  ],
  [
    'classification',
    /\bpii\b|\bpersonal|\bsensitiv|\bclassif|\bconfidential|\brestricted\b|\bgdpr\b|\bprivacy\b|\bprivate\b|\bpersonally\b/,
  ],
  [
    'reference',
    /\bforeign keys?\b|\bfk\b|\breferenc|\brefers? to\b|\bpoints? to\b|\blinks? (to|with)\b|\blinked\b|\bjoins? (to|with|on)\b/,
  ],
  [
    'keys',
    /\bprimary keys?\b|\bpk\b|\bgrain\b|\bgranularity\b|\bone row per\b|\beach row\b|\ba row represent|\buniquely identif|\bidentif(y|ies) (a|each) row|\bkeys?\b/,
  ],
  [
    'dataType',
    /\bdata ?types?\b|\b(what|which) (data )?type (is|are|does|do)\b|\btype of (the )?(column|field|attribute)\b|\bwhat kind of (data|values?)\b|\bformat of\b/,
  ],
  [
    'whichTable',
    /\b(which|what) (table|dataset|entity)\b|\bin which tables?\b|\bwhich tables (hold|contain|store|have|has|list|record|track)\b|\bwhere (are|is|do|can|does|would)\b(?!.*\b(columns?|fields?|attributes?)\b)/,
  ],
  [
    'columnsHolding',
    /\b(which|what) (columns?|fields?|attributes?)\b|\bcolumns? (hold|holds|contain|contains|store|stores|have|has|with)\b|\bwhere (can i find|do i find|is|are) .*\b(stored|kept|held|found)\b|\bin which columns?\b/,
  ],
  [
    'tables',
    /\b(which|what) (tables|datasets|entities)\b|\blist (the |all )?(tables|datasets)\b|\btables? (are|does|do|is) (there|available|included|in)\b|\bwhat data (does|is)\b/,
  ],
  [
    'column',
    /\bwhat (does|do|is|are) .*\b(mean|means|contain|contains|represent|represents|stand for|hold|holds|include|includes|store|stores)\b|\bmeaning of\b|\bdefinition of\b|\bdefine\b|\bwhat is (the )?[`"']?[a-z0-9_]+[`"']?\s*\??$|\bdescribe (the )?(column|field)|\bexplain (the )?(column|field)|\bwhat is the .*\b(column|field)\b|\bdata type\b|\btype of\b|\b(possible|allowed|valid|permitted) values\b|\b(what|which) values\b|\b(what|which) (\w+ )?\w+s can (a|an|the|it|they|i|we|you)\b/,
  ],
  [
    'product',
    /\bwhat is this\b|\bthis (data )?product about\b|\bpurpose\b|\bused for\b|\buse cases?\b|\blimitations?\b|\bdescribe (this|the) (data )?product|\bsummar|\boverview\b|\bwhat (can|should) i use it for\b|\bdomain\b|\btags?\b/,
  ],
];

/**
 * "Which column says how many …", "where is last year's cost stored": the
 * question asks for the column, so what follows describes the column's
 * content, not a figure or a count to produce.
 */
const ASKS_FOR_COLUMN =
  /\b(which|what) (columns?|fields?|attributes?)\b|\bin which (columns?|fields?|attributes?)\b|\bwhere (is|are|do i find|can i find|would i find)\b.*\b(stored|kept|held|recorded|found)\b/;

/** Whether a question asks which column holds something. */
export function asksForColumn(question: string): boolean {
  return ASKS_FOR_COLUMN.test(question.toLowerCase().replace(/\s+/g, ' '));
}

/** Intents a question expresses, most specific first. */
export function detectIntents(question: string): Intent[] {
  const q = ` ${question.toLowerCase().replace(/\s+/g, ' ')} `;
  const found = RULES.filter(([, re]) => re.test(q)).map(([intent]) => intent);
  // "who do I ask for access": the roles and their approvers, before the owner
  if (
    found.includes('access') &&
    found.includes('owner') &&
    /\baccess\b|\bpermission/.test(q)
  ) {
    found.splice(found.indexOf('access'), 1);
    found.splice(found.indexOf('owner'), 0, 'access');
  }
  // "which column says how many units are left" asks for a column, not a count
  if (found.includes('count') && asksForColumn(q))
    return found.filter(i => i !== 'count');
  // "how many tables" is a count even though it also names tables.
  if (found.includes('count')) {
    return ['count', ...found.filter(i => i !== 'count' && i !== 'tables')];
  }
  return found;
}

/**
 * Intents of a question whose names are known: what it asks with the names
 * blanked out first (a column called `owner` does not make an owner question),
 * then what only the names' words add ("show me the customer emails" asks for
 * values of the column `customer_email`).
 */
export function intentsAround(
  question: string,
  withoutNames: string,
): Intent[] {
  const first = detectIntents(withoutNames);
  // (a question naming nothing reads the same twice)
  if (withoutNames === question) return first;
  return [...first, ...detectIntents(question).filter(i => !first.includes(i))];
}
