import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  askWorkerFile,
  isBuiltinModel,
  startEngineWorker,
  type AskResult,
  type ModelDescriptor,
  type PlainAsk,
  type PlainAskReply,
} from '@dpa/plugin-data-product-assistant-node';

/** One fewer than the cores (the event loop has one), at most 4. */
export const defaultEngineThreads = () =>
  Math.min(4, availableParallelism() - 1);

type BuiltinModels = { answer: ModelDescriptor; validator: ModelDescriptor };

/** Longest an ask may take in a thread before the thread is replaced and the ask fails. */
export const DEFAULT_THREAD_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (reply: PlainAskReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread with the engine loaded, and what it was already sent. */
class EngineThread {
  readonly worker: Worker;
  ready = false;
  readonly pending = new Map<number, Pending>();
  /** Profiles and models this thread was sent. */
  readonly sent = new WeakSet<object>();
  private nextId = 0;

  constructor(
    private readonly onGone: (thread: EngineThread, error: Error) => void,
    private readonly timeoutMs: number,
  ) {
    this.worker = startEngineWorker(askWorkerFile());
    this.worker.on('message', message => this.receive(message));
    this.worker.on('error', error => this.gone(error));
    this.worker.on('exit', code =>
      this.gone(new Error(`the engine thread exited (code ${code})`)),
    );
  }

  send(ask: PlainAsk): Promise<PlainAskReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A thread that does not answer is replaced, with whatever else it held.
        this.gone(
          new Error(`the engine thread did not answer in ${this.timeoutMs} ms`),
        );
        void this.worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, ask });
    });
  }

  private receive(message: {
    ready?: boolean;
    id?: number;
    reply?: PlainAskReply;
    error?: string;
  }) {
    if (message.ready) {
      this.ready = true;
      return;
    }
    const waiting = this.pending.get(message.id!);
    if (!waiting) return;
    this.pending.delete(message.id!);
    clearTimeout(waiting.timer);
    if (message.reply) waiting.resolve(message.reply);
    else waiting.reject(new Error(message.error ?? 'the engine thread failed'));
  }

  private gone(error: Error) {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(
        new ServiceUnavailableError(
          'The answer engine stopped while answering; ask again',
          error,
        ),
      );
    }
    this.pending.clear();
    this.onGone(this, error);
  }
}

/**
 * Runs asks with built-in models in worker threads, so that the engine's
 * CPU work (retrieval, answering, validation) runs beside the event loop
 * that serves the portal's requests instead of on it. Each thread loads the
 * engine once and keeps the profiles and models it was sent; a profile is
 * sent once per version. Until a thread is ready, and for hosted models,
 * asks run in the calling thread (`canRun` says which).
 */
export class EngineThreads {
  private readonly threads: EngineThread[] = [];
  private readonly keys = new WeakMap<object, string>();
  private nextKey = 0;
  private closed = false;

  /** Threads as `dataProductAssistant.engineThreads` says; none when it says 0. */
  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): EngineThreads | undefined {
    const size =
      config.getOptionalNumber('dataProductAssistant.engineThreads') ??
      defaultEngineThreads();
    if (!Number.isInteger(size) || size < 0)
      throw new Error(
        `dataProductAssistant.engineThreads must be a whole number ≥ 0, got ${size}`,
      );
    return size > 0 ? new EngineThreads({ size, logger }) : undefined;
  }

  constructor(
    private readonly options: {
      size: number;
      logger: LoggerService;
      timeoutMs?: number;
    },
  ) {
    for (let i = 0; i < options.size; i++) this.start();
  }

  private start() {
    const thread = new EngineThread(
      (gone, error) => this.replace(gone, error),
      this.options.timeoutMs ?? DEFAULT_THREAD_TIMEOUT_MS,
    );
    this.threads.push(thread);
  }

  private replace(gone: EngineThread, error: Error) {
    const at = this.threads.indexOf(gone);
    if (at < 0) return;
    this.threads.splice(at, 1);
    if (this.closed) return;
    // A thread that never became ready cannot load the engine: asks stay in the calling thread.
    if (!gone.ready) {
      this.options.logger.error(
        `The engine thread could not start; asks run on the main thread: ${error.message}`,
      );
      return;
    }
    this.options.logger.warn(
      `An engine thread stopped (${error.message}); starting another`,
    );
    this.start();
  }

  /** Whether an ask with these models can run in a thread now. */
  canRun(builtin: BuiltinModels | undefined): boolean {
    return (
      !!builtin &&
      isBuiltinModel(builtin.answer) &&
      isBuiltinModel(builtin.validator) &&
      this.threads.some(t => t.ready)
    );
  }

  /** An ask run in the least busy ready thread (`canRun` first). */
  async ask(
    input: Omit<PlainAsk, 'profileKey' | 'profile' | 'modelsKey' | 'models'> & {
      profile: DataProductProfile;
      /** The same object while the same models serve (`DomainModels.builtin`). */
      models: BuiltinModels;
    },
  ): Promise<Omit<AskResult, 'facts'>> {
    const thread = this.threads
      .filter(t => t.ready)
      .sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!thread)
      throw new ServiceUnavailableError('No engine thread is running');
    const { profile, models, ...rest } = input;
    const profileKey = this.keyOf(profile);
    const modelsKey = this.keyOf(models);
    const request = (full: boolean): PlainAsk => ({
      ...rest,
      profileKey,
      modelsKey,
      ...(full || !thread.sent.has(profile) ? { profile } : {}),
      ...(full || !thread.sent.has(models) ? { models } : {}),
    });
    let reply = await thread.send(request(false));
    // The thread let go of the profile or the models (it keeps the newest only): send them again.
    if ('missing' in reply) reply = await thread.send(request(true));
    if ('missing' in reply)
      throw new Error(`the engine thread lacks the ${reply.missing}`);
    thread.sent.add(profile);
    thread.sent.add(models);
    return reply.result;
  }

  /** A key per object: a new profile version or a new champion is a new object. */
  private keyOf(value: object): string {
    let key = this.keys.get(value);
    if (!key) this.keys.set(value, (key = String(this.nextKey++)));
    return key;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map(t => t.worker.terminate()));
  }
}
