import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PRIVATE_FARGATE_ANNOTATIONS,
  readEndpointServicePort,
  readPublishedEndpointService,
} from '@private-fargate/plugin-private-fargate-common';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import { examples } from './provider.examples';

function parseProviderRef(entityRef: unknown) {
  try {
    return parseEntityRef(String(entityRef ?? ''), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `entityRef: "${entityRef}" is not an entity reference; use [<kind>:][<namespace>/]<name>, such as component:default/payments-api`,
    );
  }
}

/**
 * Creates `private-fargate:provider:fetch`, which reads a PrivateLink provider from the catalog
 * and gives the endpoint service a consumer endpoint connects to.
 */
export function createProviderFetchAction(options: {
  catalog: CatalogService;
}) {
  return createActionWithInlineSchema({
    id: 'private-fargate:provider:fetch',
    description: `Reads a PrivateLink provider from the catalog and outputs the endpoint service its consumers connect to, from its ${PRIVATE_FARGATE_ANNOTATIONS.region} and ${PRIVATE_FARGATE_ANNOTATIONS.endpointServiceId} annotations, read as the status card reads them, and the port it listens on from ${PRIVATE_FARGATE_ANNOTATIONS.endpointServicePort} when the provider has it. Fails naming the annotation when one is missing or malformed.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              'The provider, as an EntityPicker gives it: component:default/payments-api (kind defaults to component, namespace to default)',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('The provider, as a full entity reference'),
        name: z => z.string().describe("The provider's name"),
        region: z => z.string().describe('Region the endpoint service is in'),
        endpointServiceId: z =>
          z.string().describe('The endpoint service ID, vpce-svc-...'),
        serviceName: z =>
          z
            .string()
            .describe(
              "The consumer endpoint's service name: com.amazonaws.vpce.<region>.<endpointServiceId>",
            ),
        port: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              `The TCP port the endpoint service listens on, from ${PRIVATE_FARGATE_ANNOTATIONS.endpointServicePort}; absent when the provider does not have that annotation (providers registered before it was written)`,
            ),
      },
    },
    async handler(ctx) {
      const ref = stringifyEntityRef(parseProviderRef(ctx.input.entityRef));
      const entity = await options.catalog.getEntityByRef(ref, {
        credentials: await ctx.getInitiatorCredentials(),
      });
      if (!entity) {
        throw new InputError(
          `entityRef: ${ref} is not in the catalog, or you may not read it; pick a service that publishes a PrivateLink endpoint service`,
        );
      }
      let published;
      let port;
      try {
        published = readPublishedEndpointService(entity);
        port = readEndpointServicePort(entity);
      } catch (error) {
        if (isError(error) && error.name === 'InputError') {
          throw new InputError(`entityRef: ${ref}: ${error.message}`);
        }
        throw error;
      }
      ctx.logger.info(
        `${ref} publishes ${published.serviceName}${
          port === undefined
            ? `, without ${PRIVATE_FARGATE_ANNOTATIONS.endpointServicePort}`
            : ` on port ${port}`
        }`,
      );
      ctx.output('entityRef', ref);
      ctx.output('name', entity.metadata.name);
      ctx.output('region', published.region);
      ctx.output('endpointServiceId', published.endpointServiceId);
      ctx.output('serviceName', published.serviceName);
      if (port !== undefined) ctx.output('port', port);
    },
  });
}
