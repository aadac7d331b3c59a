import {
  domainContextBudget,
  domainPromptContext,
  expandQuestion,
  ModelOutputError,
  modelRef,
  type AnswerModel,
  type AnswerOutput,
  type DomainModelArtifact,
  type Fact,
  type ModelSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { createStructuredChat, type OpenAiOptions } from './chat';
import { answerMessages } from './prompts';
import { answerJsonSchema, answerOutputSchema } from './schemas';

/** The entity ref the product fact names (`Data product "T" (component:default/x)…`). */
const askedProduct = (facts: Fact[]) =>
  /^Data product "[^"]*" \(([^)\s]+)\)/.exec(
    facts.find(f => f.kind === 'product')?.text ?? '',
  )?.[1];

/**
 * An answer model on an OpenAI-compatible endpoint. Its output must match the
 * answer schema and cite only ids of the facts it was given.
 */
export function createOpenAiAnswerModel(
  spec: ModelSpec,
  name: string,
  options: OpenAiOptions & { artifact?: DomainModelArtifact } = {},
): AnswerModel {
  const { artifact } = options;
  const complete = createStructuredChat(spec, options);
  return {
    ref: modelRef(name, spec),
    local: false,
    ...(artifact
      ? {
          retrievalQuestion: (question: string, facts: Fact[]) =>
            expandQuestion(question, facts, artifact),
        }
      : {}),
    async answer(req) {
      const { value, usage } = await complete(
        answerMessages({
          ...req,
          systemPrompt: spec.systemPrompt,
          // the domain's glossary and verified examples, within their own token budget
          domainContext: artifact
            ? domainPromptContext(artifact, {
                question: req.question,
                entityRef: askedProduct(req.facts),
                maxTokens: domainContextBudget(spec),
              })
            : undefined,
        }),
        {
          name: 'data_product_answer',
          jsonSchema: answerJsonSchema,
          schema: answerOutputSchema,
        },
        { signal: req.signal },
      );
      const known = new Set(req.facts.map(f => f.id));
      const unknown = [
        ...new Set(
          value.claims.flatMap(c => c.citations).filter(id => !known.has(id)),
        ),
      ];
      if (unknown.length) {
        throw new ModelOutputError(
          'unknown-citation',
          `${spec.model} cited fact ids it was not given: ${unknown
            .slice(0, 5)
            .join(', ')}`,
          JSON.stringify(value),
          usage,
        );
      }
      const output: AnswerOutput = {
        answer: value.answer,
        claims: value.claims,
        abstained: value.abstained || value.refused === true,
        ...(value.refused ? { refused: true } : {}),
      };
      return { output, usage };
    },
  };
}
