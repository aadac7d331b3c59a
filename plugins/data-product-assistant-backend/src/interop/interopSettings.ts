import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

export const INTEROP_SCAN_TASK_ID = 'data-product-assistant-interop-scan';
export const MAX_TOP = 200;

export interface InteropSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Related products per product when the request names no `top`. */
  defaultTop: number;
  /** How long a stored contract snapshot is trusted before the source is asked again. */
  contractMaxAgeMs: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/** `dataProductAssistant.interop`, with defaults. */
export function readInteropSettings(config: Config): InteropSettings {
  const interop = config.getOptionalConfig('dataProductAssistant.interop');
  const schedule = interop?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        interop.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  const defaultTop = interop?.getOptionalNumber('top') ?? 20;
  if (!Number.isInteger(defaultTop) || defaultTop < 1 || defaultTop > MAX_TOP) {
    throw new Error(
      `dataProductAssistant.interop.top must be an integer between 1 and ${MAX_TOP}`,
    );
  }
  const maxAgeSeconds =
    interop?.getOptionalNumber('contractMaxAgeSeconds') ?? 300;
  return {
    schedule,
    defaultTop,
    contractMaxAgeMs: Math.max(0, maxAgeSeconds) * 1000,
  };
}
