import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SidebarContent } from './nav';
import { signInPage } from './signIn';

/** The app's own extensions: sidebar and sign-in page. */
export const appModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent, signInPage],
});
