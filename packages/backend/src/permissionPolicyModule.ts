import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DataMeshPermissionPolicy } from './permissionPolicy';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-mesh-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(DataMeshPermissionPolicy.fromConfig(config));
      },
    });
  },
});
