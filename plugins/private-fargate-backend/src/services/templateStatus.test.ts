import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readTemplateStatus } from './templateStatus';

describe('readTemplateStatus', () => {
  const template = { name: 'private-fargate-service', version: '1.0.0' };

  it('should give a reason instead of failing when the catalog cannot be asked', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async () => {
        throw new Error('catalog is down');
      },
    });
    await expect(
      readTemplateStatus({
        catalog,
        template,
        credentials: mockCredentials.user(),
      }),
    ).resolves.toEqual({
      ...template,
      behind: false,
      reason: expect.stringMatching(
        /template:default\/private-fargate-service.*catalog is down/,
      ),
    });
  });

  it('should not mark an entity behind when it is newer than the catalog template', async () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: {
            name: 'private-fargate-service',
            annotations: { 'private-fargate/template-version': '0.9.0' },
          },
          spec: {},
        },
      ],
    });
    await expect(
      readTemplateStatus({
        catalog,
        template,
        credentials: mockCredentials.user(),
      }),
    ).resolves.toEqual({ ...template, latestVersion: '0.9.0', behind: false });
  });
});
