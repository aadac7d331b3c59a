import type {
  Classification,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import type { KnowledgeNote } from '../context/knowledgeNotes';
import {
  createAnswerModel,
  createValidatorModel,
} from '../models/createModels';
import type { DomainModelArtifact } from '../models/domain/artifact';
import type { AnswerModel, ModelSpec, ValidatorModel } from '../models/types';
import { ask, type AskResult } from './askPipeline';
import { FactsCache } from './factsCache';
import { BoundedCache } from '../text/boundedCache';
import { siblingFile } from '../workerThreads';

/** The ask worker's file (askWorker.ts), for `startEngineWorker`. */
export const askWorkerFile = () => siblingFile(__filename, 'askWorker');

/** A model as plain data: what `createAnswerModel`/`createValidatorModel` build it from. */
export interface ModelDescriptor {
  name: string;
  spec: ModelSpec;
  artifact?: DomainModelArtifact;
}

/**
 * An ask as plain data (it survives a structured clone), for a runner that
 * builds its own models: in another thread. The profile and the models are
 * named by keys and sent only to a runner that does not hold them yet.
 */
export interface PlainAsk {
  question: string;
  clearance: Classification;
  domain?: string;
  scope?: string[];
  tokenBudget?: number;
  notes?: KnowledgeNote[];
  profileKey: string;
  profile?: DataProductProfile;
  modelsKey: string;
  models?: { answer: ModelDescriptor; validator: ModelDescriptor };
}

/** The ask's result without the packed facts (the caller holds them), or what the runner lacks. */
export type PlainAskReply =
  | { result: Omit<AskResult, 'facts'> }
  | { missing: 'profile' | 'models' };

/** Whether a model runs wherever the engine is loaded: built-in, no provider, no network. */
export const isBuiltinModel = (model: ModelDescriptor) =>
  model.spec.provider === 'builtin';

/**
 * Runs plain-data asks with built-in models, keeping the profiles, models
 * and facts it was sent (at most `maxEntries` of each) so that a profile is
 * sent once per version rather than with every question.
 */
export function createAskRunner(options: { maxEntries?: number } = {}) {
  const max = options.maxEntries ?? 1000;
  const profiles = new BoundedCache<string, DataProductProfile>(max);
  const models = new BoundedCache<
    string,
    { answer: AnswerModel; validator: ValidatorModel }
  >(max);
  const facts = new FactsCache();
  return {
    async run(request: PlainAsk): Promise<PlainAskReply> {
      if (request.profile) profiles.set(request.profileKey, request.profile);
      if (request.models) {
        const { answer, validator } = request.models;
        if (!isBuiltinModel(answer) || !isBuiltinModel(validator))
          throw new Error('only built-in models run from plain data');
        models.set(request.modelsKey, {
          answer: createAnswerModel(answer.name, answer.spec, {
            artifact: answer.artifact,
          }),
          validator: createValidatorModel(validator.name, validator.spec),
        });
      }
      const profile = profiles.get(request.profileKey);
      if (!profile) return { missing: 'profile' };
      const served = models.get(request.modelsKey);
      if (!served) return { missing: 'models' };
      const { facts: _packed, ...result } = await ask({
        question: request.question,
        profile,
        notes: request.notes,
        facts: facts.factsFor(profile, request.notes),
        answerModel: served.answer,
        validatorModel: served.validator,
        clearance: request.clearance,
        domain: request.domain,
        scope: request.scope,
        tokenBudget: request.tokenBudget,
      });
      return { result };
    },
  };
}
