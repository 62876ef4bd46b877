import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  PRIVATE_FARGATE_ANNOTATIONS,
  PrivateFargateStatus,
  TemplateRef,
  compareTemplateVersions,
  templateEntityRef,
  templateVersionSchema,
} from '@private-fargate/plugin-private-fargate-common';

type TemplateStatus = NonNullable<PrivateFargateStatus['template']>;

function unknownLatest(template: TemplateRef, reason: string): TemplateStatus {
  return { ...template, behind: false, reason };
}

/**
 * Compares the template an entity was generated from with the Template entity in the catalog.
 * Only the catalog is asked, with the caller's credentials; AWS never is. Never rejects: a
 * template the catalog cannot give gets a `reason` instead of a `latestVersion`.
 */
export async function readTemplateStatus(options: {
  catalog: Pick<typeof catalogServiceRef.T, 'getEntityByRef'>;
  template: TemplateRef;
  credentials: BackstageCredentials;
}): Promise<TemplateStatus> {
  const { catalog, template, credentials } = options;
  const templateRef = templateEntityRef(template.name);
  const versionAnnotation = PRIVATE_FARGATE_ANNOTATIONS.templateVersion;

  let entity;
  try {
    entity = await catalog.getEntityByRef(templateRef, { credentials });
  } catch (error) {
    return unknownLatest(
      template,
      `The catalog could not be asked for ${templateRef}, so the latest version is unknown: ${stringifyError(
        error,
      )}`,
    );
  }
  if (!entity) {
    return unknownLatest(
      template,
      `${templateRef} is not in the catalog (or you may not see it), so the latest version is unknown.`,
    );
  }
  const latest = entity.metadata.annotations?.[versionAnnotation]?.trim();
  if (!latest) {
    return unknownLatest(
      template,
      `${templateRef} has no ${versionAnnotation} annotation, so the latest version is unknown.`,
    );
  }
  const parsed = templateVersionSchema.safeParse(latest);
  if (!parsed.success) {
    return unknownLatest(
      template,
      `${templateRef} has ${versionAnnotation} "${latest}", which ${parsed.error.issues[0].message}; the latest version is unknown.`,
    );
  }
  return {
    ...template,
    latestVersion: parsed.data,
    behind: compareTemplateVersions(template.version, parsed.data) < 0,
  };
}
