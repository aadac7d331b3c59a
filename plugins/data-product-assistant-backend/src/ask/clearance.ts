import type { Config } from '@backstage/config';
import {
  classificationSchema,
  type Classification,
} from '@dpa/plugin-data-product-assistant-common';

/**
 * Who may see values of which classification. Everyone gets the default
 * (internal unless configured); members of listed groups get more.
 */
export class ClearancePolicy {
  static fromConfig(config: Config): ClearancePolicy {
    const c = config.getOptionalConfig('dataProductAssistant.clearance');
    const level = (value: string, where: string): Classification => {
      const parsed = classificationSchema.safeParse(value);
      if (!parsed.success) {
        throw new Error(
          `${where} must be one of public, internal, confidential, restricted; got "${value}"`,
        );
      }
      return parsed.data;
    };
    const groups = (c?.getOptionalConfigArray('groups') ?? []).map(g => ({
      group: g.getString('group'),
      level: level(
        g.getString('level'),
        'dataProductAssistant.clearance.groups[].level',
      ),
    }));
    return new ClearancePolicy(
      level(
        c?.getOptionalString('default') ?? 'internal',
        'dataProductAssistant.clearance.default',
      ),
      groups,
    );
  }

  constructor(
    private readonly defaultLevel: Classification,
    private readonly groups: Array<{ group: string; level: Classification }>,
  ) {}

  forUser(ownershipEntityRefs: string[]): Classification {
    const order = classificationSchema.options;
    let best = this.defaultLevel;
    for (const { group, level } of this.groups) {
      if (
        ownershipEntityRefs.includes(group) &&
        order.indexOf(level) > order.indexOf(best)
      ) {
        best = level;
      }
    }
    return best;
  }
}
