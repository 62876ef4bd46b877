/**
 * The Private Fargate plugin for the new frontend system.
 *
 * @packageDocumentation
 */

export { privateFargatePlugin as default } from './alpha/plugin';
export { privateFargateApi } from './alpha/apis';
export { privateFargateEntityCard } from './alpha/entityCard';
export {
  privateFargatePlanPreviewFormField,
  privateFargateScaffolderFormFieldsModule,
} from './scaffolder/alpha';
