import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ReviewReason } from '@dpa/plugin-data-product-assistant-common';

/** An answer that just started waiting for its owners' review. */
export interface ReviewNeeded {
  askId: string;
  entityRef: string;
  /** The product's owner (usually a group); nobody is told without one. */
  owner?: string;
  title?: string;
  question: string;
  reason: ReviewReason;
  /** Who asked: not told about their own question. */
  askedBy: string;
}

const WHY: Record<ReviewReason, string> = {
  flagged: 'The validator flagged the answer to',
  blocked: 'The validator withheld the answer to',
  demoted: 'A contract change contradicts the verified answer to',
};

/**
 * Tells a data product's owners, through Backstage notifications, that an
 * answer waits for their review. A failure to notify is logged, never fatal:
 * the item is in the queue and counted on the Assistant tab either way.
 */
export class ReviewNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** The hook for services that put answers in the queue: `onReviewNeeded`. */
  static hookFor(options: {
    notifications: NotificationService;
    logger: LoggerService;
  }): (item: ReviewNeeded) => Promise<void> {
    const notifier = new ReviewNotifier(options);
    return item => notifier.reviewNeeded(item);
  }

  async reviewNeeded(item: ReviewNeeded): Promise<void> {
    if (!item.owner) return;
    try {
      await this.options.notifications.send({
        recipients: {
          type: 'entity',
          entityRef: item.owner,
          excludeEntityRef: item.askedBy,
        },
        payload: {
          title: `${
            item.title ?? item.entityRef
          }: an answer waits for your review`,
          description: `${WHY[item.reason]} “${item.question}”.`,
          link: `/data-product-review?product=${encodeURIComponent(
            item.entityRef,
          )}`,
          severity: item.reason === 'flagged' ? 'normal' : 'high',
          topic: 'data-product-review',
          // One notification per answer: a later demotion of it updates, not duplicates.
          scope: `data-product-review:${item.askId}`,
        },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not notify the owners of ${item.entityRef} about answer ${
          item.askId
        }: ${(error as Error).message}`,
      );
    }
  }
}
