export {
  privateFargatePlanPreviewFormField,
  privateFargateScaffolderFormFieldsModule,
} from './planPreviewFormField';
