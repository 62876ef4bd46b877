import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The live endpoint and cost preview as a form field of the new frontend system.
 *
 * @alpha
 */
export const privateFargatePlanPreviewFormField = FormFieldBlueprint.make({
  name: 'private-fargate-plan-preview',
  params: {
    field: () =>
      import('./planPreviewFormFieldLoader').then(m => m.planPreviewFormField),
  },
});

/**
 * Installs the preview field into the scaffolder plugin: add it to the app's `features`.
 *
 * @alpha
 */
export const privateFargateScaffolderFormFieldsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [privateFargatePlanPreviewFormField],
});
