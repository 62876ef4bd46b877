import { InputError } from '@backstage/errors';
import { PRIVATE_FARGATE_ANNOTATIONS } from '@private-fargate/plugin-private-fargate-common';
import { z } from 'zod/v3';

/** Template annotation that holds a template's version, e.g. `1.2.0`. */
export const TEMPLATE_VERSION_ANNOTATION =
  PRIVATE_FARGATE_ANNOTATIONS.templateVersion;

/** A template version: MAJOR.MINOR.PATCH, as templates record it in their metadata. */
export const templateVersionSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, {
    message: 'must be a version like 1.2.0 (MAJOR.MINOR.PATCH)',
  });

/** A template name as the catalog spells it. */
export const templateNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  message: 'must be a template name like private-fargate-service',
});

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareTemplateVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (left[i] !== right[i]) return left[i] - right[i];
  }
  return 0;
}

/** Parses `<name>@<version>` (the `private-fargate/template` annotation); InputError naming `field` otherwise. */
export function parseTemplateRef(
  ref: string,
  field: string,
): { name: string; version: string } {
  const at = ref.lastIndexOf('@');
  const name = templateNameSchema.safeParse(ref.slice(0, Math.max(at, 0)));
  const version = templateVersionSchema.safeParse(ref.slice(at + 1));
  if (at <= 0 || !name.success || !version.success) {
    throw new InputError(
      `${field}: "${ref}" must be <template name>@<version>, e.g. private-fargate-service@1.2.0`,
    );
  }
  return { name: name.data, version: version.data };
}
