import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { PlanPreviewField } from '../components/PlanPreviewField';
import { PLAN_PREVIEW_FIELD_NAME } from './fieldName';

export const planPreviewFormField = createFormField({
  name: PLAN_PREVIEW_FIELD_NAME,
  component: PlanPreviewField,
});
