import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';
import type { StatusService } from '../services/StatusService';

/** Action name under the plugin id: `private-fargate:get-endpoint-status`. */
export const GET_ENDPOINT_STATUS_ACTION = 'get-endpoint-status';

function summarize(status: PrivateFargateStatus) {
  return {
    entityRef: status.entityRef,
    accountId: status.accountId,
    region: status.region,
    vpcId: status.vpcId,
    source: status.source,
    fetchedAt: status.fetchedAt,
    stale: status.stale,
    endpoints: status.endpoints.map(endpoint => ({
      service: endpoint.service,
      type: endpoint.type,
      state: endpoint.state,
      declared: endpoint.declared,
      present: endpoint.present,
      ...(endpoint.endpointId ? { endpointId: endpoint.endpointId } : {}),
      availabilityZones: endpoint.availabilityZones,
      ...(endpoint.lastError ? { lastError: endpoint.lastError } : {}),
    })),
    declaredButMissing: status.declaredButMissing,
    presentButNotDeclared: status.presentButNotDeclared,
    ...(status.endpointService
      ? {
          endpointService: {
            serviceId: status.endpointService.serviceId,
            state: status.endpointService.state,
            acceptanceRequired: status.endpointService.acceptanceRequired,
            allowedPrincipalsCount:
              status.endpointService.allowedPrincipalsCount,
            connectionCountsByState:
              status.endpointService.connectionCountsByState,
          },
        }
      : {}),
    ...(status.monthlyCost ? { monthlyCostUsd: status.monthlyCost.total } : {}),
    ...(status.template ? { template: status.template } : {}),
    errors: status.errors,
  };
}

/** Registers the read-only `get-endpoint-status` action so agents (MCP) can ask what the card shows. */
export function registerGetEndpointStatusAction(options: {
  actionsRegistry: ActionsRegistryService;
  statusService: StatusService;
}): void {
  const { actionsRegistry, statusService } = options;
  actionsRegistry.register({
    name: GET_ENDPOINT_STATUS_ACTION,
    title: 'Get VPC endpoint and PrivateLink status',
    description:
      'Reads, for one catalog entity annotated by Private Fargate, its VPC endpoints as AWS reports them next to the declared ones (missing and undeclared endpoints), its PrivateLink endpoint service with connection counts by state, the monthly endpoint cost, the template version it was generated from against the newest one, and any AWS errors. Answers come from a shared snapshot refreshed at most once per cache TTL.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity reference such as component:default/payments; kind defaults to component and namespace to default.',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          accountId: z.string(),
          region: z.string(),
          vpcId: z.string(),
          source: z
            .enum(['aws', 'demo'])
            .describe(
              'demo when the data comes from the local demo EC2 server',
            ),
          fetchedAt: z
            .string()
            .describe('ISO-8601 time the snapshot was read from AWS'),
          stale: z
            .boolean()
            .describe(
              'true when the last refresh failed and an older snapshot is shown',
            ),
          endpoints: z.array(
            z.object({
              service: z.string(),
              type: z.string(),
              state: z
                .string()
                .describe('EC2 state, or missing when declared but absent'),
              declared: z.boolean(),
              present: z.boolean(),
              endpointId: z.string().optional(),
              availabilityZones: z.array(z.string()),
              lastError: z.string().optional(),
            }),
          ),
          declaredButMissing: z.array(z.string()),
          presentButNotDeclared: z.array(z.string()),
          endpointService: z
            .object({
              serviceId: z.string(),
              state: z.string(),
              acceptanceRequired: z.boolean(),
              allowedPrincipalsCount: z.number(),
              connectionCountsByState: z.record(z.number()),
            })
            .optional(),
          monthlyCostUsd: z.number().optional(),
          template: z
            .object({
              name: z.string(),
              version: z.string(),
              latestVersion: z.string().optional(),
              behind: z
                .boolean()
                .describe(
                  'true when the repository was generated from an older version of its template; the private-fargate-upgrade template opens the pull request',
                ),
              reason: z.string().optional(),
            })
            .optional()
            .describe(
              'The template (private-fargate/template) the repository was generated from, and the newest version in the catalog',
            ),
          errors: z.array(
            z.object({
              operation: z.string(),
              kind: z.string(),
              message: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      let entityRef;
      try {
        entityRef = parseEntityRef(input.entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        });
      } catch (error) {
        throw new InputError(
          `entityRef: "${input.entityRef}" is not an entity reference; write it as kind:namespace/name, e.g. component:default/payments (${error})`,
        );
      }
      const status = await statusService.getStatus({ entityRef, credentials });
      return { output: summarize(status) };
    },
  });
}
