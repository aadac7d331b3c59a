import { describe, expect, it } from 'vitest';
import { questionParts, refersBack } from './questionParts';

describe('questionParts', () => {
  it('splits where a conjunction or a question mark starts a new question', () => {
    expect(
      questionParts(
        'What is the primary key of vendor, and how fresh is its data?',
      ),
    ).toEqual(['What is the primary key of vendor', 'how fresh is its data?']);
    expect(questionParts('How do I get access? Who approves it?')).toEqual([
      'How do I get access',
      'Who approves it?',
    ]);
    expect(
      questionParts(
        'What does gender F mean; which column holds the hire date?',
      ),
    ).toEqual(['What does gender F mean', 'which column holds the hire date?']);
  });

  it('keeps one question whole, conjunctions inside it too', () => {
    for (const q of [
      'Can I join orders and customers?',
      'What is the difference between the shipped and completed statuses?',
      'Which columns hold names and addresses?',
    ])
      expect(questionParts(q)).toEqual([q]);
  });

  it('tells a part that leans on the one before', () => {
    expect(refersBack('what is its type?')).toBe(true);
    expect(refersBack('what does scrapreasonid mean there?')).toBe(true);
    expect(refersBack('what is the type of hiredate?')).toBe(false);
  });
});
