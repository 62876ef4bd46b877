import { z } from 'zod/v3';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import {
  availabilityZoneCountSchema,
  parseOrThrow,
  planRequirementsSchema,
} from '@private-fargate/plugin-private-fargate-common';
import { RECORD_PATH } from '../upgrade/record';
import { examples } from './record.examples';
import { prepareStamp, stampShape, writeStamp } from './stamp';

const recordInputShape = {
  ...stampShape,
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
      const recorded = await writeStamp(
        ctx,
        prepareStamp(input, ctx),
        input.requirements && {
          requirements: input.requirements,
          cost: {
            availabilityZones: input.availabilityZones,
            gbPerMonth: input.trafficGbPerMonth,
          },
        },
      );
      ctx.output('path', recorded.path);
      ctx.output('template', recorded.template);
      ctx.output('files', recorded.files);
    },
  });
}
