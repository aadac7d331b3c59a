import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import {
  AskRecord,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { AnswerDetails } from './AnswerDetails';
import { VerdictBadge, verdictDescriptions } from './VerdictBadge';

export interface AnswerCardProps {
  record: AskRecord;
  /** The product's profile: labels cited columns and names access roles. */
  profile?: DataProductProfile;
  /** Whether the viewer owns the product. */
  isOwner?: boolean;
}

/**
 * The answer to the question just asked, with the validator's verdict, or who
 * verified it when the owners' verified answer was reused.
 */
export function AnswerCard(props: AnswerCardProps): JSX.Element {
  const { record, profile, isOwner } = props;
  return (
    <Card
      component="section"
      aria-label="Answer"
      variant="outlined"
      data-testid="answer-card"
    >
      <CardContent>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          mb={1}
          style={{ gap: 8 }}
        >
          <Typography variant="h6" component="h3">
            Answer
          </Typography>
          <VerdictBadge status={record.status} />
          <Typography variant="body2" color="textSecondary" component="span">
            {record.verified
              ? "Verified by the data product's owners"
              : verdictDescriptions[record.status]}
          </Typography>
        </Box>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Question: {record.question}
        </Typography>
        <AnswerDetails record={record} profile={profile} isOwner={isOwner} />
      </CardContent>
    </Card>
  );
}
