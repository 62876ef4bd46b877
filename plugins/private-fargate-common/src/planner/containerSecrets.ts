import { z } from 'zod/v3';
import { regionOfArn, secretReferenceArnSchema } from '../schemas';
import { SECRET_SOURCES } from './requirements';

/** Where a task-definition secret is kept: Secrets Manager or SSM Parameter Store. @public */
export type SecretSource = (typeof SECRET_SOURCES)[number];

const ARN_PREFIXES: Record<SecretSource, string> = {
  secretsmanager: 'arn:aws:secretsmanager:',
  ssm: 'arn:aws:ssm:',
};

/** What each store is called in messages. @public */
export const SECRET_SOURCE_LABELS: Record<SecretSource, string> = {
  secretsmanager: 'Secrets Manager',
  ssm: 'SSM Parameter Store',
};

/** One secret of a container definition, injected as an environment variable. @public */
export const containerSecretSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[A-Z_][A-Z0-9_]{0,99}$/,
        'must be an environment variable name like DB_PASSWORD',
      )
      .describe('Environment variable the secret is injected as'),
    valueFrom: secretReferenceArnSchema.describe(
      'ARN of the Secrets Manager secret or SSM parameter',
    ),
  })
  .strict();

/** A container secret as callers write it. @public */
export type ContainerSecret = z.output<typeof containerSecretSchema>;

/** The store a secret ARN points into, or undefined for any other ARN. @public */
export function secretSourceOf(arn: string): SecretSource | undefined {
  return SECRET_SOURCES.find(source => arn.startsWith(ARN_PREFIXES[source]));
}

/**
 * The stores the given secret ARNs point into, each once, in `SECRET_SOURCES` order: what
 * `requirements.secrets` must list for the task to read them through endpoints.
 *
 * @public
 */
export function secretSourcesOf(arns: Iterable<string>): SecretSource[] {
  const used = new Set(Array.from(arns, secretSourceOf));
  return SECRET_SOURCES.filter(source => used.has(source));
}

/**
 * The container secrets a task in `region` cannot read through its VPC endpoints, which are
 * Regional: those whose ARN names another Region. Each with its index in `secrets` and a
 * message (to follow the field's name) that says how to fix it. Without a NAT path such a
 * secret stops the task from starting.
 *
 * @public
 */
export function secretsInOtherRegions(
  region: string,
  secrets: ContainerSecret[],
): Array<{ index: number; message: string }> {
  return secrets.flatMap((secret, index) => {
    const source = secretSourceOf(secret.valueFrom);
    const secretRegion = regionOfArn(secret.valueFrom);
    if (!source || secretRegion === region) return [];
    const fix =
      source === 'secretsmanager'
        ? `replicate the secret into ${region} and use the replica's ARN`
        : `copy the parameter into ${region} and use that ARN`;
    return [
      {
        index,
        message: `is in ${secretRegion}, but the task runs in ${region} and VPC endpoints reach only their own Region's ${SECRET_SOURCE_LABELS[source]}, so without a NAT gateway it could not read it: ${fix}`,
      },
    ];
  });
}

/**
 * The ARN of the secret or parameter a container secret reads: `valueFrom` without the
 * `:<json-key>:<version-stage>:<version-id>` that selects part of a Secrets Manager secret.
 * IAM policies name this ARN.
 *
 * @public
 */
export function secretArnOf(valueFrom: string): string {
  if (secretSourceOf(valueFrom) !== 'secretsmanager') return valueFrom;
  return valueFrom.split(':').slice(0, 7).join(':');
}

/** Whether `valueFrom` selects a JSON key or a version of its secret rather than all of it. @public */
export function selectsPartOfSecret(valueFrom: string): boolean {
  return secretArnOf(valueFrom) !== valueFrom;
}

/**
 * The container secrets a Fargate task on `platformVersion` cannot have: those that select a
 * JSON key or a version of a secret, which Fargate injects from platform version 1.4.0. Each
 * with its index in `secrets` and a message (to follow the field's name) that says how to fix it.
 *
 * @public
 */
export function secretsNeedingNewerPlatform(
  platformVersion: string,
  secrets: ContainerSecret[],
): Array<{ index: number; message: string }> {
  if (platformVersion !== '1.3.0') return [];
  return secrets.flatMap((secret, index) =>
    selectsPartOfSecret(secret.valueFrom)
      ? [
          {
            index,
            message:
              'selects a JSON key or a version of the secret, which Fargate injects from platform version 1.4.0: set the platform version to LATEST or 1.4.0, or inject the whole secret',
          },
        ]
      : [],
  );
}
