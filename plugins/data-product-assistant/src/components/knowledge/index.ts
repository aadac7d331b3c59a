export {
  KnowledgeCard,
  profileColumns,
  type KnowledgeCardProps,
} from './KnowledgeCard';
export { NoteForm, type NoteFormProps } from './NoteForm';
