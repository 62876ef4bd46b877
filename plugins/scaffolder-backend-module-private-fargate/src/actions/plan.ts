import {
  availabilityZoneCountSchema,
  containerSecretSchema,
  estimateMonthlyCostIfPriced,
  parseOrThrow,
  planEndpoints,
  planRequirementsSchema,
  secretSourcesOf,
  secretsInOtherRegions,
  secretsNeedingNewerPlatform,
  unpricedRegionNote,
} from '@private-fargate/plugin-private-fargate-common';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import { z } from 'zod/v3';
import { costTables, endpointTable, warningList } from '../terraform/markdown';
import { examples } from './plan.examples';

const planInputShape = {
  requirements: planRequirementsSchema.describe(
    'What the service needs: region, platform version, logging, exec, secrets, other AWS APIs, buckets',
  ),
  containerSecrets: z
    .array(containerSecretSchema)
    .default([])
    .describe(
      "The container's secrets, as private-fargate:terraform takes them under service.secrets; the stores their ARNs point into are added to requirements.secrets",
    ),
  availabilityZones: availabilityZoneCountSchema
    .default(2)
    .describe(
      'Availability Zones the interface endpoints span (each endpoint bills per zone)',
    ),
  trafficGbPerMonth: z
    .number()
    .min(0)
    .max(1_000_000)
    .default(10)
    .describe('GB a month through the endpoints, for the cost estimate'),
};
const planInputSchema = z.object(planInputShape).superRefine((input, ctx) => {
  const problems = [
    ...secretsNeedingNewerPlatform(
      input.requirements.platformVersion,
      input.containerSecrets,
    ),
    ...(input.requirements.egress === 'none'
      ? secretsInOtherRegions(input.requirements.region, input.containerSecrets)
      : []),
  ];
  for (const { index, message } of problems) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['containerSecrets', index, 'valueFrom'],
      message,
    });
  }
});

/** Creates the `private-fargate:plan` action: which endpoints, why, with warnings and the monthly cost. */
export function createPlanAction() {
  return createActionWithInlineSchema({
    id: 'private-fargate:plan',
    description:
      'Plans the VPC endpoints a private Fargate service needs (no NAT), with warnings, a monthly cost estimate and a Markdown summary.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        requirements: () => planInputShape.requirements,
        containerSecrets: () => planInputShape.containerSecrets,
        availabilityZones: () => planInputShape.availabilityZones,
        trafficGbPerMonth: () => planInputShape.trafficGbPerMonth,
      },
      output: {
        endpoints: zod =>
          zod
            .array(
              zod.object({
                service: zod.string().describe('Endpoint suffix, e.g. ecr.api'),
                serviceName: zod
                  .string()
                  .describe(
                    'Full service name, com.amazonaws.<region>.<suffix>',
                  ),
                type: zod
                  .enum(['Interface', 'Gateway'])
                  .describe('Interface (billed ENIs) or Gateway (free)'),
                reasons: zod
                  .array(zod.string())
                  .describe('Why the service needs it'),
                docUrl: zod
                  .string()
                  .describe('AWS documentation behind the reasons'),
              }),
            )
            .describe('The planned endpoints'),
        warnings: zod =>
          zod
            .array(zod.object({ code: zod.string(), message: zod.string() }))
            .describe('Things to know before applying'),
        monthlyCost: zod =>
          zod
            .object({
              currency: zod.string().describe('Always USD'),
              endpointsOnly: zod
                .number()
                .describe('Endpoints, no NAT (this design)'),
              natOnly: zod.number().describe('NAT gateways, no endpoints'),
              natPlusEndpoints: zod
                .number()
                .describe('NAT gateways and endpoints'),
            })
            .optional()
            .describe(
              'Monthly cost of the three designs; absent where the Region has no prices (the summary says so)',
            ),
        summary: zod =>
          zod.string().describe('Markdown summary a template can show'),
        requirements: () =>
          planRequirementsSchema.describe(
            'The requirements as the planner read them, defaults filled in: pass them on to private-fargate:terraform (and private-fargate:record) instead of repeating them',
          ),
      },
    },
    async handler(ctx) {
      const input = parseOrThrow(
        planInputSchema,
        ctx.input,
        'private-fargate:plan input',
      );
      // The stores the requirements name, then those only the container's secret ARNs name.
      const secrets = new Set([
        ...input.requirements.secrets,
        ...secretSourcesOf(
          input.containerSecrets.map(secret => secret.valueFrom),
        ),
      ]);
      const plan = planEndpoints({
        ...input.requirements,
        secrets: [...secrets],
      });
      const interfaceEndpoints = plan.endpoints.filter(
        e => e.type === 'Interface',
      ).length;
      const region = plan.requirements.region;
      const cost = estimateMonthlyCostIfPriced({
        region,
        azs: input.availabilityZones,
        interfaceEndpoints,
        gbPerMonth: input.trafficGbPerMonth,
      });
      ctx.logger.info(
        `Planned ${plan.endpoints.length} endpoints for ${region} with ${plan.warnings.length} warnings`,
      );
      ctx.output(
        'endpoints',
        plan.endpoints.map(e => ({
          service: e.service,
          serviceName: e.serviceName,
          type: e.type,
          reasons: [...e.reasons],
          docUrl: e.docUrl,
        })),
      );
      ctx.output(
        'warnings',
        plan.warnings.map(w => ({ code: w.code, message: w.message })),
      );
      if (cost) {
        ctx.output('monthlyCost', {
          currency: cost.currency,
          endpointsOnly: cost.endpointsOnly.total,
          natOnly: cost.natOnly.total,
          natPlusEndpoints: cost.natPlusEndpoints.total,
        });
      }
      ctx.output('requirements', plan.requirements);
      ctx.output(
        'summary',
        [
          `### VPC endpoints (${region})`,
          plan.endpoints.length > 0
            ? endpointTable(
                plan.endpoints.map(endpoint => ({
                  endpoint,
                  where: 'planned',
                })),
              )
            : 'No endpoints are needed.',
          `### Monthly cost (${interfaceEndpoints} interface endpoints x ${input.availabilityZones} zones, ${input.trafficGbPerMonth} GB)`,
          cost ? costTables(cost) : unpricedRegionNote(region),
          '### Warnings',
          warningList(plan.warnings),
        ].join('\n\n'),
      );
    },
  });
}
