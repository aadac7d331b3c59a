/**
 * What a question is about once its metadata frame is set aside: "which table
 * holds currency exchange rates" is about currency, exchange, rate. The frame
 * words are the assistant's own vocabulary for asking about metadata, not
 * words of any product.
 */
import { contentTerms, normaliseTerm } from '../text';

const FRAME = new Set(
  (
    'column columns field fields attribute attributes table tables dataset datasets entity entities ' +
    'hold holds held contain contains store stores stored storing keep keeps kept have has list lists ' +
    'record records find found locate located where which what data product value values information info ' +
    'row rows mean means meaning say says describe described define defined tell show give need want ' +
    'look see get put there exist exists live lives sit sits go goes come available ' +
    'name names called named type types kind kinds one ones thing things'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

/** Topic terms of a question: content terms without frame words or the given names. */
export function topicTerms(
  text: string,
  ignore: Iterable<string> = [],
): string[] {
  const skip = new Set(ignore);
  return contentTerms(text).filter(t => !FRAME.has(t) && !skip.has(t));
}
