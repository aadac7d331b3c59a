import type {
  AuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';
import type {
  DomainConfig,
  KnowledgeNoteStore,
  ModelProvider,
} from '@dpa/plugin-data-product-assistant-node';
import type { BudgetService } from '../budget/BudgetService';
import type { AskStore } from '../database/AskStore';
import type { VerifiedAnswerStore } from '../database/VerifiedAnswerStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ModelRegistry } from '../registry/ModelRegistry';
import type { ReviewNeeded } from '../review/ReviewNotifier';
import { AskHistoryService } from './AskHistoryService';
import { AskService } from './AskService';
import type { ClearancePolicy } from './clearance';
import { DomainModelService } from './DomainModelService';
import type { EngineThreads } from './EngineThreads';
import { FactsCache } from '@dpa/plugin-data-product-assistant-node';
import { ProductAccess } from './ProductAccess';
import { VerifiedAnswerService } from './VerifiedAnswerService';

/** The services behind asks, sharing one facts cache and one product access check. */
export function createAskServices(options: {
  profiles: DataProductProfileService;
  asks: AskStore;
  domainConfig: DomainConfig;
  /** Providers of the non-built-in models, from the models extension point. */
  modelProviders?: readonly ModelProvider[];
  clearance: ClearancePolicy;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auth: AuthService;
  logger: LoggerService;
  /** Promoted champions serve instead of app-config's models; none: app-config only. */
  registry?: ModelRegistry;
  /** Rate limits and cost caps checked before every ask; none: no limits. */
  budget?: BudgetService;
  /** Owners' knowledge notes, cited as `note:<id>` facts; none: no notes. */
  notes?: KnowledgeNoteStore;
  /** Owner-verified answers, reused without a model call. */
  verified: VerifiedAnswerStore;
  /** Told when a contract change demotes a verified answer (e.g. to audit it). */
  onDemoted?: (record: VerifiedAnswerRecord, reason: string) => Promise<void>;
  /** Told when an answer starts waiting for its owners' review (e.g. to notify them). */
  onReviewNeeded?: (item: ReviewNeeded) => Promise<void>;
  /** Threads that run asks with built-in models off the event loop; none: all on it. */
  threads?: EngineThreads;
}) {
  const { profiles, asks, clearance, userInfo, logger, notes } = options;
  // Facts (and their retrieval index) per profile version and notes.
  const facts = new FactsCache();
  const access = new ProductAccess({
    profiles,
    permissions: options.permissions,
    auth: options.auth,
  });
  const models = new DomainModelService({
    domainConfig: options.domainConfig,
    providers: options.modelProviders,
    logger,
    registry: options.registry,
  });
  const verifiedAnswers = new VerifiedAnswerService({
    verified: options.verified,
    asks,
    models,
    access,
    clearance,
    facts,
    logger,
    notes,
    onDemoted: options.onDemoted,
    onReviewNeeded: options.onReviewNeeded,
  });
  const history = new AskHistoryService({
    asks,
    access,
    profiles,
    clearance,
    userInfo,
    facts,
    notes,
  });
  const ask = new AskService({
    access,
    profiles,
    models,
    asks,
    clearance,
    userInfo,
    facts,
    logger,
    budget: options.budget,
    notes,
    verifiedAnswers,
    onReviewNeeded: options.onReviewNeeded,
    threads: options.threads,
  });
  return { ask, history, verifiedAnswers };
}
