import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import type { ClearancePolicy } from './clearance';

export interface Caller {
  userRef: string;
  ownershipEntityRefs: string[];
}

/** The caller as recorded (authors, reviewers, deciders): `user:…` or `service:<subject>`. */
export function principalRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return `service:${principal.subject ?? 'unknown'}`;
}

/** Who is calling: a user with their groups, or a service (no groups). */
export async function resolveCaller(
  userInfo: UserInfoService,
  credentials: BackstageCredentials,
): Promise<Caller> {
  if (
    credentials.principal &&
    (credentials.principal as { type?: string }).type === 'user'
  ) {
    const info = await userInfo.getUserInfo(credentials);
    return {
      userRef: info.userEntityRef,
      ownershipEntityRefs: info.ownershipEntityRefs,
    };
  }
  return { userRef: principalRef(credentials), ownershipEntityRefs: [] };
}

/** A caller with the highest classification whose values they may see. */
export interface Reader extends Caller {
  clearance: Classification;
}

/** Who is calling, and their clearance: every read opens sealed answers at it. */
export async function resolveReader(
  userInfo: UserInfoService,
  clearance: ClearancePolicy,
  credentials: BackstageCredentials,
): Promise<Reader> {
  const caller = await resolveCaller(userInfo, credentials);
  return {
    ...caller,
    clearance: clearance.forUser(caller.ownershipEntityRefs),
  };
}
