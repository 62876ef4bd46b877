import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { privateFargatePlugin } from '../plugin';
import { PlanPreviewField } from '../components/PlanPreviewField';
import { PLAN_PREVIEW_FIELD_NAME } from './fieldName';

/**
 * The live endpoint and cost preview for the legacy frontend system; put it
 * inside `<ScaffolderFieldExtensions>` on the scaffolder route.
 *
 * @public
 */
export const PrivateFargatePlanPreviewFieldExtension =
  privateFargatePlugin.provide(
    createScaffolderFieldExtension({
      name: PLAN_PREVIEW_FIELD_NAME,
      component: PlanPreviewField,
    }),
  );
