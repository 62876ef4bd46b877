/** The field name templates use: `ui:field: PrivateFargatePlanPreview`. */
export const PLAN_PREVIEW_FIELD_NAME = 'PrivateFargatePlanPreview';
