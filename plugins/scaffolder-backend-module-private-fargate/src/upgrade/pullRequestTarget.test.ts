import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { pullRequestTarget } from './pullRequestTarget';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com' }, { host: 'ghe.example.com' }],
    },
  }),
);
const target = (location: string) =>
  pullRequestTarget(location, integrations, 'sourceLocation');

describe('pullRequestTarget', () => {
  it('reads the repository and the folder from a source location', () => {
    expect(
      target('url:https://github.com/acme/payments-api/tree/main/'),
    ).toEqual({
      repoUrl: 'github.com?owner=acme&repo=payments-api',
      repoPath: '',
    });
    expect(
      target(
        'url:https://ghe.example.com/net/infra/tree/main/vpc/prod/endpoints/',
      ),
    ).toEqual({
      repoUrl: 'ghe.example.com?owner=net&repo=infra',
      repoPath: 'vpc/prod/endpoints',
    });
    expect(
      target('https://github.com/acme/infra/blob/main/vpc/catalog-info.yaml'),
    ).toEqual({ repoUrl: 'github.com?owner=acme&repo=infra', repoPath: 'vpc' });
  });

  it.each([
    ['file:/srv/orders/catalog-info.yaml', /is not a url location/],
    ['url:https://gitlab.com/acme/orders/-/tree/main/', /not on a GitHub host/],
    ['url:https://github.com/acme', /does not name a repository/],
    [
      'url:https://github.com/acme/orders/pulls/1',
      /does not name a repository/,
    ],
  ])('refuses %s, naming the field', (location, why) => {
    expect(() => target(location)).toThrow(why);
    expect(() => target(location)).toThrow(/^sourceLocation: /);
  });
});
