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

  describe('narrowed in app-config.yaml as the README shows', () => {
    // A config filter replaces the card's default one, so the README's example repeats the annotation checks.
    const config = {
      app: {
        extensions: [
          {
            'entity-card:private-fargate/status': {
              config: {
                filter: {
                  'spec.type': 'service',
                  'metadata.annotations.private-fargate/aws-account-id': {
                    $exists: true,
                  },
                  'metadata.annotations.private-fargate/aws-region': {
                    $exists: true,
                  },
                  'metadata.annotations.private-fargate/vpc-id': {
                    $exists: true,
                  },
                },
              },
            },
          },
        ],
      },
    };

    it('should show the card on an annotated service', async () => {
      const getStatus = jest.fn(async () => demoStatus());
      renderTestApp({
        config,
        extensions: [
          createTestEntityPage({ entity: annotatedEntity }),
          statusCard,
        ],
        apis: [[privateFargateApiRef, { getStatus }]],
      });

      expect(await screen.findByText('ecr.dkr')).toBeInTheDocument();
    });

    it.each([
      ['a service without the annotations', plainEntity],
      [
        'an annotated website',
        {
          ...annotatedEntity,
          spec: { ...annotatedEntity.spec, type: 'website' },
        },
      ],
    ])('should hide the card on %s', async (_name, entity) => {
      const getStatus = jest.fn(async () => demoStatus());
      renderTestApp({
        config,
        extensions: [createTestEntityPage({ entity }), statusCard],
        apis: [[privateFargateApiRef, { getStatus }]],
      });

      expect(
        await screen.findByTestId('empty-entity-page'),
      ).toBeInTheDocument();
      expect(screen.queryByText('VPC endpoints and PrivateLink')).toBeNull();
      expect(getStatus).not.toHaveBeenCalled();
    });
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
