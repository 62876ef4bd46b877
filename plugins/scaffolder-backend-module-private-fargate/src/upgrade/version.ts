import { PRIVATE_FARGATE_ANNOTATIONS } from '@private-fargate/plugin-private-fargate-common';

export {
  compareTemplateVersions,
  parseTemplateRef,
  templateNameSchema,
  templateVersionSchema,
} from '@private-fargate/plugin-private-fargate-common';

/** Template annotation that holds a template's version, e.g. `1.2.0`. */
export const TEMPLATE_VERSION_ANNOTATION =
  PRIVATE_FARGATE_ANNOTATIONS.templateVersion;
