import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  AskRecord,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { BlockedNotice } from './BlockedNotice';
import { CitationList } from './CitationList';
import { FeedbackButtons } from './FeedbackButtons';
import { formatCost, formatGroundedness, formatLatency } from './formatUsage';
import { ReasonList } from './ReasonList';
import { VerifiedLabel } from './VerifiedLabel';

export interface AnswerDetailsProps {
  record: AskRecord;
  /** Distinguishes element ids when several answers are on the page. */
  idPrefix?: string;
  /** The product's profile: labels cited columns and names access roles. */
  profile?: DataProductProfile;
  /** Whether the viewer owns the product (and reviews its withheld answers). */
  isOwner?: boolean;
}

const modelName = (model: AskRecord['answerModel']) =>
  `${model.name}@${model.version}`;

/**
 * The validator's reasons worth showing for the verdict. An abstention makes
 * no claim about the data, so its groundedness warnings say nothing.
 */
export function shownReasons(record: AskRecord): AskRecord['reasons'] {
  if (record.status !== 'abstained') return record.reasons;
  return record.reasons.filter(
    r => r.severity === 'block' || r.code !== 'ungrounded',
  );
}

/**
 * Everything about one answer except its frame: the verdict's warning, the
 * answer (or why it was withheld and what to do), who verified it when it is
 * an owner-verified answer, the validator's reasons, the sources, the
 * models, cost and latency, and feedback.
 */
export function AnswerDetails(props: AnswerDetailsProps): JSX.Element {
  const { record, profile, isOwner } = props;
  const { verified } = record;
  const idPrefix = props.idPrefix ?? `ask-${record.id}`;
  const answerText = (
    <Typography
      variant="body1"
      component="div"
      style={{ whiteSpace: 'pre-wrap' }}
      data-testid="answer-text"
    >
      {record.answer}
    </Typography>
  );
  const abstained = record.status === 'abstained';

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
      {verified && <VerifiedLabel verified={verified} />}
      {verified && verified.question !== record.question && (
        <Typography variant="body2" color="textSecondary">
          Verified for the question “{verified.question}”
        </Typography>
      )}
      {record.status === 'blocked' && (
        <BlockedNotice record={record} profile={profile} isOwner={isOwner} />
      )}
      {record.status === 'flagged' && (
        <>
          <Alert severity="warning">
            <AlertTitle>Flagged: review pending</AlertTitle>
            The validator found problems with this answer, so the data product's
            owners will review it. Check the sources before relying on it.
          </Alert>
          {answerText}
        </>
      )}
      {abstained && <Alert severity="info">{answerText}</Alert>}
      {record.status === 'approved' && answerText}

      <ReasonList reasons={shownReasons(record)} />

      {record.status !== 'blocked' && (
        <CitationList
          citations={record.citations}
          idPrefix={idPrefix}
          profile={profile}
        />
      )}

      {verified ? (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid="answer-usage"
        >
          Owner-verified answer · no model was called ·{' '}
          {formatLatency(record.latencyMs)}
        </Typography>
      ) : (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid="answer-usage"
        >
          Answered by {modelName(record.answerModel)} · validated by{' '}
          {modelName(record.validatorModel)}
          {/* An abstention has no claims whose grounding would mean anything. */}
          {abstained
            ? ''
            : ` · groundedness ${formatGroundedness(record.groundedness)}`}{' '}
          · cost {formatCost(record.usage.costUsd)} ·{' '}
          {record.usage.promptTokens + record.usage.completionTokens} tokens ·{' '}
          {formatLatency(record.latencyMs)}
        </Typography>
      )}

      <FeedbackButtons askId={record.id} feedback={record.feedback} />
    </Box>
  );
}
