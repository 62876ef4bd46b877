import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import {
  availabilityZoneCountSchema,
  parseOrThrow,
  planRequirementsSchema,
} from '@private-fargate/plugin-private-fargate-common';
import {
  valuesWithoutSecrets,
  writeScaffoldRecord,
} from '../upgrade/buildRecord';
import { RECORD_PATH } from '../upgrade/record';
import {
  parseTemplateRef,
  TEMPLATE_VERSION_ANNOTATION,
} from '../upgrade/version';
import { examples } from './record.examples';

function templateFromContext(templateInfo: any): string {
  const metadata = templateInfo?.entity?.metadata;
  const version = metadata?.annotations?.[TEMPLATE_VERSION_ANNOTATION];
  if (!metadata?.name || !version) {
    throw new InputError(
      `template: give <name>@<version>, or add the annotation ${TEMPLATE_VERSION_ANNOTATION}: <version> to the template's metadata`,
    );
  }
  return `${metadata.name}@${version}`;
}

const recordInputShape = {
  values: z
    .record(z.unknown())
    .describe('The template values to record, usually ${{ parameters }}'),
  template: z
    .string()
    .optional()
    .describe(
      `<name>@<version>; defaults to the template's name and its ${TEMPLATE_VERSION_ANNOTATION} annotation`,
    ),
  targetPath: z
    .string()
    .default('.')
    .describe(
      'Folder of the workspace the template generated; the record goes inside it',
    ),
  omitValues: z
    .array(z.string())
    .default([])
    .describe(
      'Value names never to record (secrets); values equal to a run secret are left out too',
    ),
  requirements: planRequirementsSchema
    .optional()
    .describe(
      "The planner's requirements, for the upgrade's endpoint and cost summary",
    ),
  availabilityZones: availabilityZoneCountSchema
    .default(2)
    .describe('Availability Zones with endpoints, for the cost summary'),
  trafficGbPerMonth: z
    .number()
    .min(0)
    .default(0)
    .describe('GB a month through the endpoints, for the cost summary'),
};
const recordInputSchema = z.object(recordInputShape);

/** Creates `private-fargate:record`, which stamps the generated files so they can be upgraded later. */
export function createRecordAction() {
  return createActionWithInlineSchema({
    id: 'private-fargate:record',
    description: `Writes ${RECORD_PATH}: the template name and version, the input values without secrets, and a sha256 of every file in the workspace, so private-fargate:upgrade can later update what the team did not edit. Run it after every step that writes files.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        values: () => recordInputShape.values,
        template: () => recordInputShape.template,
        targetPath: () => recordInputShape.targetPath,
        omitValues: () => recordInputShape.omitValues,
        requirements: () => recordInputShape.requirements,
        availabilityZones: () => recordInputShape.availabilityZones,
        trafficGbPerMonth: () => recordInputShape.trafficGbPerMonth,
      },
      output: {
        path: zod =>
          zod.string().describe('The record, relative to the workspace'),
        template: zod => zod.string().describe('<name>@<version> recorded'),
        files: zod => zod.number().describe('Generated files recorded'),
      },
    },
    async handler(ctx) {
      // The whole input is checked here: the scaffolder's schema check leaves values to zod.
      const input = parseOrThrow(
        recordInputSchema,
        ctx.input,
        'private-fargate:record input',
      );
      const { targetPath } = input;
      const ref = input.template ?? templateFromContext(ctx.templateInfo);
      const template = parseTemplateRef(ref, 'template');
      const { values, omitted } = valuesWithoutSecrets(
        input.values,
        input.omitValues,
        Object.values(ctx.secrets ?? {}),
      );
      const record = await writeScaffoldRecord({
        workspacePath: ctx.workspacePath,
        targetPath,
        record: {
          template,
          values,
          ...(input.requirements && {
            requirements: input.requirements,
            cost: {
              availabilityZones: input.availabilityZones,
              gbPerMonth: input.trafficGbPerMonth,
            },
          }),
        },
      });
      const recordPath =
        targetPath === '.' ? RECORD_PATH : `${targetPath}/${RECORD_PATH}`;
      ctx.logger.info(
        `Recorded ${
          record.files.length
        } generated files of ${ref} in ${recordPath}${
          omitted.length ? ` (left out: ${omitted.join(', ')})` : ''
        }`,
      );
      ctx.output('path', recordPath);
      ctx.output('template', ref);
      ctx.output('files', record.files.length);
    },
  });
}
