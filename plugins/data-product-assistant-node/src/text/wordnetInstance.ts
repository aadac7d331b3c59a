import { WordnetFiles } from './wordnet';

let instance: WordnetFiles | undefined;

/** The process's WordNet reader (one per thread), created on first use. */
export function wordnet(): WordnetFiles {
  instance ??= new WordnetFiles();
  return instance;
}
