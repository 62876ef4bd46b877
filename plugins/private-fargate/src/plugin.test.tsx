import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityPrivateFargateCard, privateFargateApiRef } from './index';
import {
  annotatedEntity,
  demoStatus,
  plainEntity,
} from './__testUtils__/statusFixtures';

describe('EntityPrivateFargateCard (legacy frontend system)', () => {
  it('should load the card lazily and show the entity status', async () => {
    const getStatus = jest.fn(async () => demoStatus());
    await renderInTestApp(
      <TestApiProvider apis={[[privateFargateApiRef, { getStatus }]]}>
        <EntityProvider entity={annotatedEntity}>
          <EntityPrivateFargateCard />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(await screen.findByText('ecr.dkr')).toBeInTheDocument();
    expect(
      screen.getByText('VPC endpoints and PrivateLink'),
    ).toBeInTheDocument();
  });

  it('should show the missing annotation state on entities without the annotations', async () => {
    const getStatus = jest.fn(async () => demoStatus());
    await renderInTestApp(
      <TestApiProvider apis={[[privateFargateApiRef, { getStatus }]]}>
        <EntityProvider entity={plainEntity}>
          <EntityPrivateFargateCard />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(getStatus).not.toHaveBeenCalled();
  });
});
