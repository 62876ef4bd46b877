import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseOrThrow } from '@private-fargate/plugin-private-fargate-common';
import path from 'node:path';
import { z } from 'zod/v3';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import { generateTerraform } from '../terraform/generate';
import { terraformRequestShape } from '../terraform/request';
import { writeWorkspace } from '../terraform/writeWorkspace';
import { RECORD_PATH } from '../upgrade/record';
import { examples } from './terraform.examples';
import { prepareStamp, stampShape, writeStamp } from './stamp';
import {
  refuseMismatchedSharedEndpointStack,
  refuseSharedStackConflicts,
} from './sharedStackCheck';

const shape = terraformRequestShape;

const recordSchema = z
  .object(stampShape)
  .strict()
  .describe(
    `Also write ${RECORD_PATH} once the Terraform is written, as private-fargate:record does, with the requirements, zones and traffic the Terraform was written for. Give it when this is the template's last step that writes files.`,
  );
// Parsed under its input name, so a bad field is reported as record.<field>.
const recordInputSchema = z.object({ record: recordSchema });

/**
 * Creates the `private-fargate:terraform` action, which writes the Terraform of the chosen
 * components. With `catalog`, it refuses endpoints that a shared stack of the same VPC (a
 * `vpc-endpoints` Resource in the catalog) already provides, and a `network.sharedEndpointStack`
 * that is not the stack of `network.vpcId` in the request's Region, reading the catalog with the
 * initiating user's credentials. Without it, neither is checked.
 */
export function createTerraformAction(
  options: { catalog?: CatalogService } = {},
) {
  return createActionWithInlineSchema({
    id: 'private-fargate:terraform',
    description:
      "Writes Terraform for a private Fargate service into the workspace: VPC endpoints, the service, PrivateLink provider and consumer, an SSM bastion and private DNS. Refuses endpoints that the VPC's shared endpoint stack (a vpc-endpoints Resource in the catalog) already provides, and a network.sharedEndpointStack of another VPC or Region. Nothing is written unless the whole write succeeds.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: () => shape.targetPath,
        serviceName: () => shape.serviceName,
        owner: () => shape.owner,
        description: () => shape.description,
        templateVersion: () => shape.templateVersion,
        trafficGbPerMonth: () => shape.trafficGbPerMonth,
        components: () => shape.components,
        requirements: () => shape.requirements,
        network: () => shape.network,
        service: () => shape.service,
        privateLinkProvider: () => shape.privateLinkProvider,
        privateLinkConsumer: () => shape.privateLinkConsumer,
        bastion: () => shape.bastion,
        privateDns: () => shape.privateDns,
        record: () => recordSchema.optional(),
      },
      output: {
        targetPath: zod =>
          zod
            .string()
            .describe(
              'Folder the Terraform was written to, relative to the workspace',
            ),
        files: zod =>
          zod
            .array(zod.string())
            .describe('Files written, relative to targetPath'),
        endpoints: zod =>
          zod
            .array(zod.string())
            .describe(
              'Service names of the endpoints the configuration creates',
            ),
        warnings: zod =>
          zod
            .array(zod.object({ code: zod.string(), message: zod.string() }))
            .describe(
              'Things to know before applying (e.g. acceptance not required)',
            ),
        monthlyCost: zod =>
          zod
            .number()
            .optional()
            .describe(
              "Estimated monthly cost of the endpoints in USD; absent where the Region has no prices (the Terraform's README says so)",
            ),
        recordPath: zod =>
          zod
            .string()
            .optional()
            .describe(
              'The record, relative to the workspace, when record was given',
            ),
      },
    },
    async handler(ctx) {
      const { record: recordInput, ...requestInput } = ctx.input;
      const generated = await generateTerraform(requestInput);
      const { request } = generated;
      // Everything the record needs is checked before the first file is written.
      const stamp =
        recordInput === undefined
          ? undefined
          : prepareStamp(
              parseOrThrow(
                recordInputSchema,
                { record: recordInput },
                'private-fargate:terraform input',
              ).record,
              ctx,
              'record.',
            );
      if (
        stamp &&
        !isChildPath(
          stamp.root,
          path.resolve(ctx.workspacePath, request.targetPath),
        )
      ) {
        throw new InputError(
          `record.targetPath: "${stamp.targetPath}" does not hold the Terraform's targetPath "${request.targetPath}", so the record would not cover it; name the folder the template generated, such as .`,
        );
      }
      if (options.catalog) {
        const check = {
          catalog: options.catalog,
          credentials: () => ctx.getInitiatorCredentials(),
          generated,
        };
        // The picked stack first: another VPC's stack also hides this VPC's own conflicts.
        await refuseMismatchedSharedEndpointStack(check);
        await refuseSharedStackConflicts(check);
      }
      await writeWorkspace(
        ctx.workspacePath,
        request.targetPath,
        generated.files,
      );
      ctx.logger.info(
        `Wrote ${generated.files.length} files for ${request.components.join(
          ', ',
        )} to ${request.targetPath}`,
      );
      ctx.output('targetPath', request.targetPath);
      ctx.output(
        'files',
        generated.files.map(file => file.path),
      );
      ctx.output('endpoints', generated.createdEndpoints);
      ctx.output(
        'warnings',
        generated.context.warnings.map(w => ({
          code: w.code,
          message: w.message,
        })),
      );
      if (generated.cost) {
        ctx.output('monthlyCost', generated.cost.endpointsOnly.total);
      }
      if (stamp) {
        // The upgrade's endpoint and cost summary reads these: only a stack of endpoints has them.
        const recorded = await writeStamp(
          ctx,
          stamp,
          request.components.includes('endpoints')
            ? {
                requirements: request.requirements,
                cost: {
                  availabilityZones: generated.context.endpointZones.length,
                  gbPerMonth: request.trafficGbPerMonth,
                },
              }
            : undefined,
        );
        ctx.output('recordPath', recorded.path);
      }
    },
  });
}
