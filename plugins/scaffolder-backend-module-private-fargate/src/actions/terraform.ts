import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import { generateTerraform } from '../terraform/generate';
import { terraformRequestShape } from '../terraform/request';
import { writeWorkspace } from '../terraform/writeWorkspace';
import { examples } from './terraform.examples';

const shape = terraformRequestShape;

/** Creates the `private-fargate:terraform` action, which writes the Terraform of the chosen components. */
export function createTerraformAction() {
  return createActionWithInlineSchema({
    id: 'private-fargate:terraform',
    description:
      'Writes Terraform for a private Fargate service into the workspace: VPC endpoints, the service, PrivateLink provider and consumer, an SSM bastion and private DNS. Nothing is written unless the whole write succeeds.',
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
            .describe('Estimated monthly cost of the endpoints in USD'),
      },
    },
    async handler(ctx) {
      const generated = await generateTerraform(ctx.input);
      const { request } = generated;
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
      ctx.output('monthlyCost', generated.cost.endpointsOnly.total);
    },
  });
}
