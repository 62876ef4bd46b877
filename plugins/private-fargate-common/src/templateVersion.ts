import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * The form of the `private-fargate/template` annotation, for messages.
 *
 * @public
 */
export const TEMPLATE_REF_FORM = '<template name>@<semver>';

/**
 * A template version: MAJOR.MINOR.PATCH, as templates record it in their
 * `private-fargate/template-version` annotation.
 *
 * @public
 */
export const templateVersionSchema = z.string().regex(VERSION_PATTERN, {
  message: 'must be a version like 1.2.0 (MAJOR.MINOR.PATCH)',
});

/**
 * A template name as the catalog spells it, e.g. `private-fargate-service`.
 *
 * @public
 */
export const templateNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  message: 'must be a template name like private-fargate-service',
});

/**
 * A template and the version of it that generated a repository.
 *
 * @public
 */
export interface TemplateRef {
  name: string;
  version: string;
}

/**
 * Parses `<name>@<version>`, the value of the `private-fargate/template` annotation.
 *
 * @public
 */
export const templateRefSchema = z.string().transform((ref, ctx) => {
  const at = ref.lastIndexOf('@');
  const name = templateNameSchema.safeParse(ref.slice(0, Math.max(at, 0)));
  const version = templateVersionSchema.safeParse(ref.slice(at + 1));
  if (at <= 0 || !name.success || !version.success) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `"${ref}" must be ${TEMPLATE_REF_FORM}, e.g. private-fargate-service@1.2.0`,
    });
    return z.NEVER;
  }
  return { name: name.data, version: version.data } as TemplateRef;
});

/**
 * Parses `<name>@<version>`; otherwise throws an `InputError` that starts with `field`.
 *
 * @public
 */
export function parseTemplateRef(ref: string, field: string): TemplateRef {
  const result = templateRefSchema.safeParse(ref);
  if (!result.success) {
    throw new InputError(`${field}: ${result.error.issues[0].message}`);
  }
  return result.data;
}

/**
 * The catalog reference of the Template entity a template name stands for, as the scaffolder
 * registers it: `template:<namespace>/<name>`, in the default namespace unless told otherwise.
 *
 * @public
 */
export function templateEntityRef(name: string, namespace = 'default'): string {
  return `template:${namespace}/${name}`;
}

/**
 * Compares two versions that {@link templateVersionSchema} accepts, part by part as numbers:
 * negative when `a` is older than `b`, zero when equal, positive when newer.
 *
 * @public
 */
export function compareTemplateVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (left[i] !== right[i]) {
      return left[i] - right[i];
    }
  }
  return 0;
}
