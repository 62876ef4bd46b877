import type { Entity } from '@backstage/catalog-model';
import {
  PRIVATE_FARGATE_ANNOTATIONS,
  awsAccountIdSchema,
  awsRegionSchema,
  endpointServiceIdSchema,
  endpointSuffixListSchema,
  parseAnnotation,
  parseRequiredAnnotation,
  templateRefSchema,
  type TemplateRef,
  vpcEndpointIdSchema,
  vpcIdSchema,
} from '@private-fargate/plugin-private-fargate-common';
import { z } from 'zod/v3';

/** The entity's `private-fargate/` annotations, checked. */
export interface StatusAnnotations {
  accountId: string;
  region: string;
  vpcId: string;
  declaredEndpoints: string[];
  endpointServiceId?: string;
  consumerEndpointIds: string[];
  /** The template that generated the repository, from `private-fargate/template`. */
  template?: TemplateRef;
}

const consumerEndpointIdListSchema = z.string().transform((value, ctx) => {
  const ids = value
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
  for (const id of ids) {
    const result = vpcEndpointIdSchema.safeParse(id);
    if (!result.success) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${id}" ${result.error.issues[0].message}`,
      });
      return z.NEVER;
    }
  }
  return [...new Set(ids)];
});

const HOW_TO_ADD =
  'add it to catalog-info.yaml (see the private-fargate-backend README)';

/** Reads and checks the annotations; a missing or malformed one gives an InputError naming it. */
export function readStatusAnnotations(entity: Entity): StatusAnnotations {
  const names = PRIVATE_FARGATE_ANNOTATIONS;
  const template = parseAnnotation(entity, names.template, templateRefSchema);
  return {
    accountId: parseRequiredAnnotation(
      entity,
      names.accountId,
      awsAccountIdSchema,
      HOW_TO_ADD,
    ),
    region: parseRequiredAnnotation(
      entity,
      names.region,
      awsRegionSchema,
      HOW_TO_ADD,
    ),
    vpcId: parseRequiredAnnotation(
      entity,
      names.vpcId,
      vpcIdSchema,
      HOW_TO_ADD,
    ),
    declaredEndpoints:
      parseAnnotation(entity, names.endpoints, endpointSuffixListSchema) ?? [],
    endpointServiceId: parseAnnotation(
      entity,
      names.endpointServiceId,
      endpointServiceIdSchema,
    ),
    consumerEndpointIds:
      parseAnnotation(
        entity,
        names.consumerEndpointIds,
        consumerEndpointIdListSchema,
      ) ?? [],
    ...(template ? { template } : {}),
  };
}
