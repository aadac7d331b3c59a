import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';

export interface Caller {
  userRef: string;
  ownershipEntityRefs: string[];
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
  const subject =
    (credentials.principal as { subject?: string }).subject ?? 'unknown';
  return { userRef: `service:${subject}`, ownershipEntityRefs: [] };
}
