import { mockApis } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { PrivateFargateClient } from './PrivateFargateClient';
import { demoStatus } from '../__testUtils__/statusFixtures';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('PrivateFargateClient', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage:7007' });

  it('should request the status route of the entity and return its answer', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, demoStatus()));
    const client = new PrivateFargateClient({
      discoveryApi,
      fetchApi: mockApis.fetch({
        baseImplementation: fetch as typeof global.fetch,
      }),
    });

    const status = await client.getStatus({
      namespace: 'default',
      kind: 'Component',
      name: 'payments',
    });

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(
      'http://backstage:7007/api/private-fargate/v1/entities/default/Component/payments/status',
    );
    expect(status).toEqual(demoStatus());
  });

  it('should encode each segment of the entity reference', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, demoStatus()));
    const client = new PrivateFargateClient({
      discoveryApi,
      fetchApi: mockApis.fetch({
        baseImplementation: fetch as typeof global.fetch,
      }),
    });

    await client.getStatus({
      namespace: 'team a',
      kind: 'Component',
      name: 'a/b?c#d',
    });

    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(
      'http://backstage:7007/api/private-fargate/v1/entities/team%20a/Component/a%2Fb%3Fc%23d/status',
    );
  });

  it.each([
    [
      400,
      'InputError',
      'Annotation private-fargate/vpc-id: expected vpc- followed by 8 or 17 hex digits',
    ],
    [404, 'NotFoundError', 'No entity named component:default/payments'],
    [500, 'Error', 'Internal failure'],
  ])(
    'should turn a %s answer into a ResponseError that carries the backend error',
    async (status, name, message) => {
      const fetch = jest.fn(async () =>
        jsonResponse(status, {
          error: { name, message },
          request: { method: 'GET', url: '/api/private-fargate/v1/entities' },
          response: { statusCode: status },
        }),
      );
      const client = new PrivateFargateClient({
        discoveryApi,
        fetchApi: mockApis.fetch({
          baseImplementation: fetch as typeof global.fetch,
        }),
      });

      const error = await client
        .getStatus({
          namespace: 'default',
          kind: 'Component',
          name: 'payments',
        })
        .then(
          () => undefined,
          e => e,
        );

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(status);
      expect(error.body.error).toEqual({ name, message });
      expect(error.message).toContain(String(status));
    },
  );
});
