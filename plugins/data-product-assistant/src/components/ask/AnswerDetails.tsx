import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { AskRecord } from '@dpa/plugin-data-product-assistant-common';
import { CitationList } from './CitationList';
import { FeedbackButtons } from './FeedbackButtons';
import { formatCost, formatGroundedness, formatLatency } from './formatUsage';
import { ReasonList } from './ReasonList';
import { VerifiedLabel } from './VerifiedLabel';

export interface AnswerDetailsProps {
  record: AskRecord;
  /** Distinguishes element ids when several answers are on the page. */
  idPrefix?: string;
}

const modelName = (model: AskRecord['answerModel']) =>
  `${model.name}@${model.version}`;

/**
 * Everything about one answer except its frame: the verdict's warning, the
 * answer (or the withheld notice), who verified it when it is an owner-verified
 * answer, the validator's reasons, citations, the models, cost and latency,
 * and feedback.
 */
export function AnswerDetails(props: AnswerDetailsProps): JSX.Element {
  const { record } = props;
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

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
      {verified && <VerifiedLabel verified={verified} />}
      {verified && verified.question !== record.question && (
        <Typography variant="body2" color="textSecondary">
          Verified for the question “{verified.question}”
        </Typography>
      )}
      {record.status === 'blocked' && (
        <Alert severity="error">
          <AlertTitle>Answer withheld</AlertTitle>
          {answerText}
        </Alert>
      )}
      {record.status === 'flagged' && (
        <>
          <Alert severity="warning">
            <AlertTitle>Flagged: review pending</AlertTitle>
            The validator found problems with this answer and sent it to the
            data product's owners for review. Check the citations before relying
            on it.
          </Alert>
          {answerText}
        </>
      )}
      {record.status === 'abstained' && (
        <Alert severity="info">{answerText}</Alert>
      )}
      {record.status === 'approved' && answerText}

      <ReasonList reasons={record.reasons} />

      {record.status !== 'blocked' && (
        <CitationList citations={record.citations} idPrefix={idPrefix} />
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
          {modelName(record.validatorModel)} · groundedness{' '}
          {formatGroundedness(record.groundedness)} · cost{' '}
          {formatCost(record.usage.costUsd)} ·{' '}
          {record.usage.promptTokens + record.usage.completionTokens} tokens ·{' '}
          {formatLatency(record.latencyMs)}
        </Typography>
      )}

      <FeedbackButtons askId={record.id} feedback={record.feedback} />
    </Box>
  );
}
