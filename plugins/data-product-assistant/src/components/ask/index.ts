export { AskPanel, type AskPanelProps } from './AskPanel';
export { AnswerCard, type AnswerCardProps } from './AnswerCard';
export { AnswerDetails, type AnswerDetailsProps } from './AnswerDetails';
export { AskErrorAlert, type AskErrorAlertProps } from './AskErrorAlert';
export { AskHistory, type AskHistoryProps } from './AskHistory';
export { AskProgress, ASK_STAGES, type AskProgressProps } from './AskProgress';
export { CitationList, type CitationListProps } from './CitationList';
export { FeedbackButtons, type FeedbackButtonsProps } from './FeedbackButtons';
export { QuestionBox, type QuestionBoxProps } from './QuestionBox';
export { ReasonList, type ReasonListProps } from './ReasonList';
export {
  SuggestedQuestions,
  type SuggestedQuestionsProps,
} from './SuggestedQuestions';
export { suggestQuestions } from './suggestQuestions';
export { validateQuestion } from './validateQuestion';
export {
  VerdictBadge,
  verdictLabels,
  verdictDescriptions,
  type VerdictBadgeProps,
} from './VerdictBadge';
export { VerifiedLabel, type VerifiedLabelProps } from './VerifiedLabel';
