import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import { privateFargateScaffolderFormFieldsModule } from '@private-fargate/plugin-private-fargate/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    catalogImportPlugin,
    scaffolderPlugin,
    orgPlugin,
    userSettingsPlugin,
    navModule,
    // Discovery adds the plugin (its card); the form field is a scaffolder module, added here.
    privateFargateScaffolderFormFieldsModule,
  ],
});
