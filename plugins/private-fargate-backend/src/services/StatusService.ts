import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';
import { Ec2Reader } from '../aws/Ec2Reader';
import type {
  EndpointServiceSnapshot,
  VpcEndpointsSnapshot,
} from '../aws/snapshots';
import {
  SnapshotCache,
  SnapshotResult,
  SnapshotSource,
} from '../cache/SnapshotCache';
import { readPrivateFargateConfig } from '../config';
import { buildStatus } from './buildStatus';
import { readStatusAnnotations } from './readStatusAnnotations';
import { readTemplateStatus } from './templateStatus';

/** Reads the endpoint and PrivateLink status of catalog entities. */
export interface StatusService {
  /** The status of one entity, loaded with the caller's credentials; NotFoundError if they cannot see it. */
  getStatus(request: {
    entityRef: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<PrivateFargateStatus>;
}

type CatalogReader = {
  getEntityByRef: (typeof catalogServiceRef.T)['getEntityByRef'];
};

/** Status built from shared, cached EC2 snapshots. */
export class DefaultStatusService implements StatusService {
  readonly #catalog: CatalogReader;
  readonly #reader: Pick<Ec2Reader, 'readVpcEndpoints' | 'readEndpointService'>;
  readonly #snapshots: SnapshotSource;
  readonly #configuredAccountIds: Set<string>;
  readonly #source: 'aws' | 'demo';

  static create(options: {
    catalog: CatalogReader;
    reader: Pick<Ec2Reader, 'readVpcEndpoints' | 'readEndpointService'>;
    snapshots: SnapshotSource;
    configuredAccountIds: string[];
    demo: boolean;
  }): DefaultStatusService {
    return new DefaultStatusService(options);
  }

  private constructor(options: {
    catalog: CatalogReader;
    reader: Pick<Ec2Reader, 'readVpcEndpoints' | 'readEndpointService'>;
    snapshots: SnapshotSource;
    configuredAccountIds: string[];
    demo: boolean;
  }) {
    this.#catalog = options.catalog;
    this.#reader = options.reader;
    this.#snapshots = options.snapshots;
    this.#configuredAccountIds = new Set(options.configuredAccountIds);
    this.#source = options.demo ? 'demo' : 'aws';
  }

  async getStatus(request: {
    entityRef: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<PrivateFargateStatus> {
    const entityRef = stringifyEntityRef(request.entityRef);
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials: request.credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${entityRef} that you are allowed to see`,
      );
    }
    const annotations = readStatusAnnotations(entity);
    const { accountId, region, vpcId, endpointServiceId } = annotations;
    // Asks the catalog only, never AWS, and never rejects; runs alongside the AWS reads.
    const templateLookup = annotations.template
      ? readTemplateStatus({
          catalog: this.#catalog,
          template: annotations.template,
          credentials: request.credentials,
        })
      : Promise.resolve(undefined);

    if (!this.#configuredAccountIds.has(accountId)) {
      return buildStatus({
        entityRef,
        annotations,
        source: this.#source,
        template: await templateLookup,
        errors: [
          {
            operation: 'config',
            kind: 'account-not-configured',
            message: `AWS account ${accountId} is not configured for this portal, so it was not called. Add it under aws.accounts in app-config.yaml (see the private-fargate-backend README).`,
          },
        ],
      });
    }

    const [vpc, service, template] = await Promise.all([
      this.#snapshots.get<VpcEndpointsSnapshot>(
        `vpc:${accountId}:${region}:${vpcId}`,
        () => this.#reader.readVpcEndpoints({ accountId, region, vpcId }),
      ),
      endpointServiceId
        ? this.#snapshots.get<EndpointServiceSnapshot>(
            `service:${accountId}:${region}:${endpointServiceId}`,
            () =>
              this.#reader.readEndpointService({
                accountId,
                region,
                serviceId: endpointServiceId,
              }),
          )
        : Promise.resolve<SnapshotResult<EndpointServiceSnapshot> | undefined>(
            undefined,
          ),
      templateLookup,
    ]);
    return buildStatus({
      entityRef,
      annotations,
      source: this.#source,
      vpc,
      service,
      template,
    });
  }
}

/**
 * The status service of the `private-fargate` plugin; replace it in tests with a factory of your own.
 * The plugin checks `private-fargate.status.read` before calling whichever implementation it gets.
 */
export const statusServiceRef = createServiceRef<StatusService>({
  id: 'private-fargate.status',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
      },
      factory({ config, logger, cache, catalog }) {
        const settings = readPrivateFargateConfig(config);
        return DefaultStatusService.create({
          catalog,
          reader: Ec2Reader.create({
            credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
            endpoint: settings.ec2Endpoint,
            timeoutMs: settings.timeoutMs,
            maxAttempts: settings.maxAttempts,
          }),
          snapshots: SnapshotCache.create({
            cache,
            logger,
            ttlMs: settings.cacheTtlMs,
          }),
          configuredAccountIds: settings.configuredAccountIds,
          demo: settings.demo,
        });
      },
    }),
});
