import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';

/** The stages of the ask pipeline, in order, as the user sees them. */
export const ASK_STAGES = ['Retrieving facts', 'Answering', 'Validating'];

/** How long each stage is shown before the next, while waiting. */
export const ASK_STAGE_MS = 900;

export interface AskProgressProps {
  /** Milliseconds per stage; the last stage stays until the answer comes. */
  stageMs?: number;
}

/**
 * Progress while a question is answered. The request is one call, so the
 * stages advance on a timer: an estimate of where the pipeline is. No stage
 * is ever shown as finished; the last one stays until the response arrives
 * and this component unmounts.
 */
export function AskProgress(props: AskProgressProps): JSX.Element {
  const stageMs = props.stageMs ?? ASK_STAGE_MS;
  const [stage, setStage] = useState(0);

  useEffect(() => {
    if (stage >= ASK_STAGES.length - 1) return undefined;
    const timer = setTimeout(() => setStage(s => s + 1), stageMs);
    return () => clearTimeout(timer);
  }, [stage, stageMs]);

  return (
    <Box
      component="section"
      aria-label="Answering the question"
      data-testid="ask-progress"
    >
      <Stepper activeStep={stage} alternativeLabel>
        {ASK_STAGES.map((label, index) => (
          // Never completed: the call has not come back yet.
          <Step key={label} completed={false} active={index === stage}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <LinearProgress aria-label="Working on the answer" />
      <Typography
        variant="body2"
        color="textSecondary"
        role="status"
        aria-live="polite"
      >
        {ASK_STAGES[stage]}…
      </Typography>
    </Box>
  );
}
