export { PlanPreviewField, PLAN_PREVIEW_HEADING } from './PlanPreviewField';
export { planFromFormData } from './planFromFormData';
export type { PlanPreview, PlanPreviewOptions } from './planFromFormData';
