import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  PRIVATE_FARGATE_ANNOTATIONS,
  awsAccountIdSchema,
  awsRegionSchema,
  endpointServiceIdSchema,
  endpointSuffixListSchema,
  parseOrThrow,
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

function annotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name]?.trim();
  return value ? value : undefined;
}

function required(entity: Entity, name: string): string {
  const value = annotation(entity, name);
  if (value === undefined) {
    throw new InputError(
      `Entity ${entity.metadata.name} has no ${name} annotation; add it to catalog-info.yaml (see the private-fargate-backend README).`,
    );
  }
  return value;
}

function parseAnnotation<S extends z.ZodTypeAny>(
  schema: S,
  value: string,
  name: string,
): z.output<S> {
  return parseOrThrow(schema, value, `annotation ${name}`);
}

/** Reads and checks the annotations; a missing or malformed one gives an InputError naming it. */
export function readStatusAnnotations(entity: Entity): StatusAnnotations {
  const names = PRIVATE_FARGATE_ANNOTATIONS;
  const endpoints = annotation(entity, names.endpoints);
  const serviceId = annotation(entity, names.endpointServiceId);
  const consumerIds = annotation(entity, names.consumerEndpointIds);
  const template = annotation(entity, names.template);
  return {
    accountId: parseAnnotation(
      awsAccountIdSchema,
      required(entity, names.accountId),
      names.accountId,
    ),
    region: parseAnnotation(
      awsRegionSchema,
      required(entity, names.region),
      names.region,
    ),
    vpcId: parseAnnotation(
      vpcIdSchema,
      required(entity, names.vpcId),
      names.vpcId,
    ),
    declaredEndpoints: endpoints
      ? parseAnnotation(endpointSuffixListSchema, endpoints, names.endpoints)
      : [],
    endpointServiceId: serviceId
      ? parseAnnotation(
          endpointServiceIdSchema,
          serviceId,
          names.endpointServiceId,
        )
      : undefined,
    consumerEndpointIds: consumerIds
      ? parseAnnotation(
          consumerEndpointIdListSchema,
          consumerIds,
          names.consumerEndpointIds,
        )
      : [],
    ...(template
      ? {
          template: parseAnnotation(
            templateRefSchema,
            template,
            names.template,
          ),
        }
      : {}),
  };
}
