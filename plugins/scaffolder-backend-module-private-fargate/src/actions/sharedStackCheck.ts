import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  findSharedStackConflicts,
  PRIVATE_FARGATE_ANNOTATIONS,
  SharedStackConflict,
  sharedStackCatalogFilter,
} from '@private-fargate/plugin-private-fargate-common';
import { GenerationContext } from '../terraform/context';
import { GeneratedTerraform } from '../terraform/generate';

// What findSharedStackConflicts reads; the catalog need not send whole entities.
const STACK_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
];

function stacksText(conflicts: SharedStackConflict[]): string {
  if (conflicts.length === 1) {
    const [{ entityRef, services }] = conflicts;
    return `the shared endpoint stack ${entityRef}, which already provides ${services.join(
      ', ',
    )}`;
  }
  return `the shared endpoint stacks ${conflicts
    .map(c => `${c.entityRef} (${c.services.join(', ')})`)
    .join(' and ')}`;
}

/** The template whose form offers the shared stack, by what the configuration generates. */
function templateOffering(context: GenerationContext): string | undefined {
  if (context.has('service')) return 'private-fargate-service';
  if (context.has('bastion')) return 'ssm-bastion';
  return undefined;
}

function howToFix(
  conflicts: SharedStackConflict[],
  context: GenerationContext,
): string {
  const refs = conflicts.map(c => c.entityRef).join(' or ');
  const template = templateOffering(context);
  if (template) {
    const bastionNote =
      template === 'ssm-bastion'
        ? ", and the stack's stay on while the bastion is switched off"
        : '';
    return `Use the shared stack instead: in the ${template} template choose "Use the VPC's shared endpoints" and pick ${refs} (in values: endpointMode shared, sharedEndpoints ${conflicts[0].entityRef}; calling this action directly, pass its ${PRIVATE_FARGATE_ANNOTATIONS.endpoints} annotation as network.sharedEndpoints); the endpoints it lacks are still created here${bastionNote}.`;
  }
  return `A VPC takes one shared stack: to add endpoints, change the repository of ${refs} instead of creating another stack, or choose another VPC.`;
}

/**
 * Refuses, with an `InputError` naming `network.vpcId`, a configuration that would create
 * endpoints which a shared stack of the same VPC (a `vpc-endpoints` Resource in the catalog)
 * already provides: AWS allows one private-DNS interface endpoint per service in a VPC and one
 * gateway endpoint route per service in a route table, so `terraform apply` would fail. The
 * stack the repository itself registers (named `serviceName`) is not its own conflict.
 * Asks the catalog only when the configuration creates AWS-service endpoints.
 */
export async function refuseSharedStackConflicts(options: {
  catalog: CatalogService;
  credentials: () => Promise<BackstageCredentials>;
  generated: GeneratedTerraform;
}): Promise<void> {
  const { request, context } = options.generated;
  const endpoints = [
    ...context.stackEndpoints,
    ...context.bastionEndpoints,
  ].map(endpoint => endpoint.service);
  if (endpoints.length === 0) return;
  const { vpcId } = request.network;
  const { items } = await options.catalog.getEntities(
    { filter: sharedStackCatalogFilter(vpcId), fields: STACK_FIELDS },
    { credentials: await options.credentials() },
  );
  const conflicts = findSharedStackConflicts(items, {
    region: context.region,
    vpcId,
    endpoints,
    exclude: request.serviceName,
  });
  if (conflicts.length === 0) return;
  throw new InputError(
    `network.vpcId: ${vpcId} in ${context.region} has ${stacksText(
      conflicts,
    )}, and this configuration would create them again: AWS allows one interface endpoint with private DNS per service in a VPC (a second fails with a private DNS conflict) and one gateway endpoint route per service in a route table, so terraform apply would fail. ${howToFix(
      conflicts,
      context,
    )}`,
  );
}
