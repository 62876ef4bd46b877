import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  findSharedEndpointStackMismatch,
  findSharedStackConflicts,
  PRIVATE_FARGATE_ANNOTATIONS,
  SharedEndpointStackMismatch,
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

/** How to fix a shared stack that is not the VPC's: the right one, or endpoints of its own. */
function pickStackAdvice(context: GenerationContext): string {
  const { vpcId } = context.request.network;
  const template = templateOffering(context);
  const create = template
    ? `in the ${template} template choose "Create the endpoints in this repository" (in values: endpointMode create)`
    : 'leave out network.sharedEndpointStack and network.sharedEndpoints';
  return `Pick the shared endpoint stack of VPC ${vpcId} in ${context.region}, or create the endpoints in this repository: ${create}.`;
}

function listText(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

function mismatchText(
  ref: string,
  mismatch: SharedEndpointStackMismatch,
  context: GenerationContext,
): string {
  const names = PRIVATE_FARGATE_ANNOTATIONS;
  const { vpcId, sharedEndpoints } = context.request.network;
  if (mismatch.reason === 'not-a-stack') {
    return `${ref} is a ${mismatch.kind} ${
      mismatch.type === undefined
        ? 'without a type'
        : `of type ${mismatch.type}`
    }, not a shared endpoint stack (a Resource of type vpc-endpoints). ${pickStackAdvice(
      context,
    )}`;
  }
  if (mismatch.reason === 'other-vpc') {
    return `${ref} is the shared endpoint stack of VPC ${
      mismatch.vpcId ?? `(no ${names.vpcId} annotation)`
    } in ${
      mismatch.region ?? `(no ${names.region} annotation)`
    }, but this configuration goes into VPC ${vpcId} in ${
      context.region
    } (network.vpcId, requirements.region). An endpoint serves only its own VPC, so none of the endpoints left to that stack (${listText(
      sharedEndpoints,
    )}) would be in ${vpcId}: this configuration does not create them, and tasks there could not pull images or write logs, which would show only after deploy. ${pickStackAdvice(
      context,
    )}`;
  }
  return `${ref} does not provide ${mismatch.services.join(
    ', ',
  )}, which network.sharedEndpoints lists (its ${
    names.endpoints
  } annotation names ${listText(mismatch.provided)}), so nothing would create ${
    mismatch.services.length === 1 ? 'it' : 'them'
  }. Pass that annotation as network.sharedEndpoints, as the templates do: the endpoints the stack lacks are then created here.`;
}

/**
 * Refuses, with an `InputError` naming `network.sharedEndpointStack`, a shared endpoint stack
 * that is not the VPC's: one the catalog does not hold (or the user may not read), an entity
 * that is not a `vpc-endpoints` Resource, a stack annotated with another VPC or Region than
 * `network.vpcId` and the request's Region (its endpoints serve only that VPC, so this one would
 * have none of them), or one whose `private-fargate/endpoints` lacks an endpoint
 * `network.sharedEndpoints` leaves to it. Reads the catalog only when the input is given.
 */
export async function refuseMismatchedSharedEndpointStack(options: {
  catalog: CatalogService;
  credentials: () => Promise<BackstageCredentials>;
  generated: GeneratedTerraform;
}): Promise<void> {
  const { request, context } = options.generated;
  const ref = request.network.sharedEndpointStack;
  if (ref === undefined) return;
  const entity = await options.catalog.getEntityByRef(ref, {
    credentials: await options.credentials(),
  });
  if (!entity) {
    throw new InputError(
      `network.sharedEndpointStack: ${ref} is not in the catalog, or you may not read it. ${pickStackAdvice(
        context,
      )}`,
    );
  }
  const mismatch = findSharedEndpointStackMismatch(entity, {
    region: context.region,
    vpcId: request.network.vpcId,
    endpoints: request.network.sharedEndpoints,
  });
  if (mismatch) {
    throw new InputError(
      `network.sharedEndpointStack: ${mismatchText(ref, mismatch, context)}`,
    );
  }
}
