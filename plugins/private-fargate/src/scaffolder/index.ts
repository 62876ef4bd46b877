export { PrivateFargatePlanPreviewFieldExtension } from './planPreviewFieldExtension';
export { PLAN_PREVIEW_FIELD_NAME } from './fieldName';
