import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';
import type { PrivateFargateApi } from './PrivateFargateApi';

/** Calls the `private-fargate` backend plugin through Backstage's discovery and fetch APIs. @public */
export class PrivateFargateClient implements PrivateFargateApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getStatus(entityRef: CompoundEntityRef): Promise<PrivateFargateStatus> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('private-fargate');
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(segment => encodeURIComponent(segment))
      .join('/');
    const response = await this.#fetchApi.fetch(
      `${baseUrl}/v1/entities/${path}/status`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as PrivateFargateStatus;
  }
}
