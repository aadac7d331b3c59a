import {
  modelRef,
  verdictJsonSchema,
  verdictSchema,
  type ModelSpec,
  type ValidatorModel,
  type Verdict,
} from '@dpa/plugin-data-product-assistant-node';
import { createStructuredChat, type OpenAiOptions } from './chat';
import { validatorMessages } from './prompts';

/** A validator model on an OpenAI-compatible endpoint, returning a schema-checked verdict. */
export function createOpenAiValidatorModel(
  spec: ModelSpec,
  name: string,
  options: OpenAiOptions = {},
): ValidatorModel {
  const complete = createStructuredChat(spec, options);
  return {
    ref: modelRef(name, spec),
    local: false,
    async validate(req) {
      const { value, usage } = await complete(
        validatorMessages({ ...req, systemPrompt: spec.systemPrompt }),
        {
          name: 'answer_verdict',
          jsonSchema: verdictJsonSchema,
          schema: verdictSchema,
        },
        { signal: req.signal },
      );
      const verdict: Verdict = {
        status: value.status,
        groundedness: value.groundedness,
        reasons: value.reasons.map(r => ({
          code: r.code,
          message: r.message,
          severity: r.severity,
          ...(typeof r.claim === 'number' ? { claim: r.claim } : {}),
        })),
      };
      return { verdict, usage };
    },
  };
}
