/**
 * English function words (determiners, pronouns, prepositions, conjunctions,
 * auxiliaries and the commonest adverbs): a closed class, so one fixed list.
 * Words that frame a question about metadata ("column", "table") are not here;
 * each caller that needs them adds its own.
 */
const WORDS = `a an the this that these those some any all both each every either neither no none
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves one ones someone anyone everyone something anything
everything nothing who whom whose which what whatever whoever when where why how whether
and or but nor so yet if then else than because since unless until while although though as
of to in on at by for from with without within into onto over under about above below between among
through during before after against across along around behind beyond upon via per like near off out up down
is are was were be been being am do does did doing done has have had having
can could may might must shall should will would ought
not very too also just only quite rather really still even ever never always often again further once here there
more most less least much many few other another such same own
s t d ll m re ve don didn doesn isn aren wasn weren hasn haven hadn won wouldn shouldn couldn can't don't
doesn't isn't aren't wasn't weren't it's that's there's what's let's
please e.g i.e eg ie etc yes`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
