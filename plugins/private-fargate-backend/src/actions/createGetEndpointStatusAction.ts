import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';
import type {
  EndpointStatus,
  PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';
import type { StatusService } from '../services/StatusService';

/** Action name under the plugin id: `private-fargate:get-endpoint-status`. */
export const GET_ENDPOINT_STATUS_ACTION = 'get-endpoint-status';

function summarizeEndpoint(endpoint: EndpointStatus) {
  return {
    service: endpoint.service,
    type: endpoint.type,
    state: endpoint.state,
    declared: endpoint.declared,
    present: endpoint.present,
    ...(endpoint.endpointId ? { endpointId: endpoint.endpointId } : {}),
    availabilityZones: endpoint.availabilityZones,
    ...(endpoint.privateDnsEnabled !== undefined
      ? { privateDnsEnabled: endpoint.privateDnsEnabled }
      : {}),
    ...(endpoint.lastError ? { lastError: endpoint.lastError } : {}),
    ...(endpoint.problem ? { problem: endpoint.problem } : {}),
  };
}

function summarize(status: PrivateFargateStatus) {
  const service = status.endpointService;
  return {
    entityRef: status.entityRef,
    accountId: status.accountId,
    region: status.region,
    vpcId: status.vpcId,
    source: status.source,
    ...(status.fetchedAt ? { fetchedAt: status.fetchedAt } : {}),
    stale: status.stale,
    vpcEndpointsRead: status.vpcEndpointsRead,
    endpoints: status.endpoints.map(summarizeEndpoint),
    declaredButMissing: status.declaredButMissing,
    declaredButUnhealthy: status.declaredButUnhealthy,
    presentButNotDeclared: status.presentButNotDeclared,
    ...(status.consumerEndpoints
      ? { consumerEndpoints: status.consumerEndpoints.map(summarizeEndpoint) }
      : {}),
    ...(service
      ? {
          endpointService: {
            serviceId: service.serviceId,
            state: service.state,
            acceptanceRequired: service.acceptanceRequired,
            ...(service.allowedPrincipalsCount !== undefined
              ? { allowedPrincipalsCount: service.allowedPrincipalsCount }
              : {}),
            ...(service.connectionCountsByState
              ? { connectionCountsByState: service.connectionCountsByState }
              : {}),
          },
        }
      : {}),
    ...(status.monthlyCost ? { monthlyCostUsd: status.monthlyCost.total } : {}),
    ...(status.template ? { template: status.template } : {}),
    errors: status.errors,
    hints: status.hints,
  };
}

function endpointSchema(z: typeof zod) {
  return z.object({
    service: z.string(),
    type: z.string(),
    state: z
      .string()
      .describe(
        'EC2 state; missing when declared but absent, unknown when AWS was not read',
      ),
    declared: z.boolean(),
    present: z.boolean(),
    endpointId: z.string().optional(),
    availabilityZones: z.array(z.string()),
    privateDnsEnabled: z.boolean().optional(),
    lastError: z.string().optional(),
    problem: z
      .string()
      .optional()
      .describe('why the endpoint does not serve its service for the entity'),
  });
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
      'Reads, for one catalog entity annotated by Private Fargate, its VPC endpoints as AWS reports them next to the declared ones (missing, existing but not working, and undeclared endpoints), its PrivateLink consumer endpoints, its PrivateLink endpoint service with connection counts by state, the monthly endpoint cost, the template version it was generated from against the newest one, and any AWS errors. Answers come from a shared snapshot refreshed at most once per cache TTL.',
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
            .optional()
            .describe(
              'ISO-8601 time the oldest snapshot was read from AWS; absent when nothing was read',
            ),
          stale: z
            .boolean()
            .describe(
              'true when the last refresh failed and an older snapshot is shown',
            ),
          vpcEndpointsRead: z
            .boolean()
            .describe(
              'false when the VPC endpoints could not be read; declared endpoints then have state unknown',
            ),
          endpoints: z.array(endpointSchema(z)),
          declaredButMissing: z
            .array(z.string())
            .describe('declared services with no endpoint in the VPC'),
          declaredButUnhealthy: z
            .array(z.object({ service: z.string(), reason: z.string() }))
            .describe(
              'declared services whose endpoints exist but none works (state, type, Region or private DNS)',
            ),
          presentButNotDeclared: z.array(z.string()),
          consumerEndpoints: z
            .array(endpointSchema(z))
            .optional()
            .describe(
              'PrivateLink endpoints the entity consumes (private-fargate/consumer-endpoint-ids)',
            ),
          endpointService: z
            .object({
              serviceId: z.string(),
              state: z.string(),
              acceptanceRequired: z.boolean(),
              allowedPrincipalsCount: z
                .number()
                .optional()
                .describe('absent when the permissions could not be read'),
              connectionCountsByState: z
                .record(z.number())
                .optional()
                .describe('absent when the connections could not be read'),
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
          hints: z
            .array(z.string())
            .describe(
              'what to check when the answer looks wrong without an AWS error',
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
