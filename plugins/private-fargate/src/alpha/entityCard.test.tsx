import { screen, waitFor } from '@testing-library/react';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { privateFargateApiRef } from '../api';
import {
  annotatedEntity,
  demoStatus,
  plainEntity,
} from '../__testUtils__/statusFixtures';
import privateFargatePlugin from '../alpha';

// The id adopters use in app-config.yaml, as the README documents it.
const statusCard = privateFargatePlugin.getExtension(
  'entity-card:private-fargate/status',
);

describe('entity-card:private-fargate/status', () => {
  it('should appear on entities with the Private Fargate annotations', async () => {
    const getStatus = jest.fn(async () => demoStatus({ source: 'demo' }));
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: annotatedEntity }),
        statusCard,
      ],
      apis: [[privateFargateApiRef, { getStatus }]],
    });

    expect(
      await screen.findByText('VPC endpoints and PrivateLink'),
    ).toBeInTheDocument();
    expect(await screen.findByText('ecr.dkr')).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('should be hidden on entities without the annotations', async () => {
    const getStatus = jest.fn(async () => demoStatus());
    renderTestApp({
      extensions: [createTestEntityPage({ entity: plainEntity }), statusCard],
      apis: [[privateFargateApiRef, { getStatus }]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(screen.queryByText('VPC endpoints and PrivateLink')).toBeNull();
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('should reach the backend status route through the API the plugin provides', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify(demoStatus()), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    renderTestApp({
      features: [privateFargatePlugin],
      extensions: [createTestEntityPage({ entity: annotatedEntity })],
      apis: [
        mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
        mockApis.fetch({ baseImplementation: fetch as typeof global.fetch }),
      ],
    });

    expect(await screen.findByText('ecr.dkr')).toBeInTheDocument();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(
      'http://backstage:7007/api/private-fargate/v1/entities/default/Component/payments/status',
    );
  });
});
