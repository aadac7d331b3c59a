import { useMemo, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataProductAssistantApiRef } from '../../api';
import { AnswerCard } from './AnswerCard';
import { AskErrorAlert } from './AskErrorAlert';
import { AskHistory } from './AskHistory';
import { AskProgress } from './AskProgress';
import { QuestionBox } from './QuestionBox';
import { SuggestedQuestions } from './SuggestedQuestions';
import { suggestQuestions } from './suggestQuestions';

export interface AskPanelProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
  /**
   * The product's profile, for suggested questions. Asking works without it
   * (while it loads, or when it failed): there are then no suggestions.
   */
  profile?: DataProductProfile;
  /** Whether the viewer owns the product (and reviews its withheld answers). */
  isOwner?: boolean;
  /** Milliseconds per progress stage; tests shorten it. */
  stageMs?: number;
}

/**
 * "Ask this data product": a question box with suggestions, progress through
 * the pipeline's stages, the validated answer, and the product's past
 * questions.
 */
export function AskPanel(props: AskPanelProps): JSX.Element {
  const { entityRef, profile, isOwner, stageMs } = props;
  const api = useApi(dataProductAssistantApiRef);
  const [question, setQuestion] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const suggestions = useMemo(() => suggestQuestions(profile), [profile]);

  const [state, ask] = useAsyncFn(
    async (text: string) => {
      try {
        const record = await api.ask(entityRef, text);
        setQuestion(current => (current.trim() === text ? '' : current));
        return record;
      } finally {
        // Even a refused question may have been recorded.
        setHistoryKey(k => k + 1);
      }
    },
    [api, entityRef],
  );

  const onPick = (text: string) => {
    setQuestion(text);
    ask(text);
  };

  return (
    <InfoCard title="Ask this data product" noPadding={false}>
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        <Typography variant="body2" color="textSecondary">
          Answers come only from this data product's metadata (contracts, docs,
          lineage and owners' notes), cite the facts they use, and are checked
          by a separate validator model before you see them.
        </Typography>
        <QuestionBox
          value={question}
          onChange={setQuestion}
          onAsk={ask}
          disabled={state.loading}
        />
        <SuggestedQuestions
          questions={suggestions}
          onPick={onPick}
          disabled={state.loading}
        />
        {state.loading && <AskProgress stageMs={stageMs} />}
        {!state.loading && state.error && <AskErrorAlert error={state.error} />}
        {!state.loading && !state.error && state.value && (
          <AnswerCard
            key={state.value.id}
            record={state.value}
            profile={profile}
            isOwner={isOwner}
          />
        )}
        <Divider />
        <AskHistory
          entityRef={entityRef}
          refreshKey={historyKey}
          profile={profile}
          isOwner={isOwner}
        />
      </Box>
    </InfoCard>
  );
}
