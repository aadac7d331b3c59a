import type {
  AskFeedback,
  AskRecord,
} from '@dpa/plugin-data-product-assistant-common';
import type { StoredAsk } from '../database/AskStore';

/**
 * The record of a stored ask, as `readerView` opened it for its reader: a
 * blocked answer keeps its claims for reviewers only.
 */
export function toRecord(stored: StoredAsk, feedback?: AskFeedback): AskRecord {
  const {
    output: _output,
    domain: _domain,
    reviewState: _reviewState,
    reviewReason: _reviewReason,
    review: _review,
    verifiedAnswerId: _verifiedAnswerId,
    sealed: _sealed,
    ...record
  } = stored;
  return {
    ...record,
    claims: stored.status === 'blocked' ? [] : record.claims,
    citations: stored.status === 'blocked' ? [] : record.citations,
    feedback,
  };
}
