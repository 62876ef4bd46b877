import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';
import { privateFargateApiRef, type PrivateFargateApi } from '../../api';
import {
  annotatedEntity,
  demoStatus,
  endpoint,
  endpointService,
  plainEntity,
} from '../../__testUtils__/statusFixtures';
import { PrivateFargateCard } from './PrivateFargateCard';

function renderCard(
  getStatus: PrivateFargateApi['getStatus'],
  entity: typeof annotatedEntity | typeof plainEntity = annotatedEntity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[privateFargateApiRef, { getStatus }]]}>
      <EntityProvider entity={entity}>
        <PrivateFargateCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

function answering(status: PrivateFargateStatus) {
  return jest.fn(async () => status);
}

/** The aria-label of the status component that shows `text`, e.g. `Status ok`. */
function statusOf(text: string): string | null {
  const label = screen.getByText(text);
  return (
    label.closest('[aria-label^="Status"]')?.getAttribute('aria-label') ?? null
  );
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('tr');
  if (!row) {
    throw new Error(`No table row holds ${text}`);
  }
  return row;
}

describe('PrivateFargateCard', () => {
  it('should show progress while the status loads', async () => {
    renderCard(() => new Promise<PrivateFargateStatus>(() => {}));

    expect(
      await screen.findByText('VPC endpoints and PrivateLink'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('should ask for the status of the entity on the page', async () => {
    const getStatus = answering(demoStatus());
    renderCard(getStatus);

    await screen.findByText('ecr.api');
    expect(getStatus).toHaveBeenCalledWith({
      namespace: 'default',
      kind: 'Component',
      name: 'payments',
    });
  });

  it('should show the backend error when the status cannot be read', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message:
            'Annotation private-fargate/vpc-id is malformed: expected vpc- followed by 8 or 17 hex digits',
        },
        request: { method: 'GET', url: '/status' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    renderCard(() => Promise.reject(error));

    expect(
      await screen.findAllByText(
        /Annotation private-fargate\/vpc-id is malformed/,
      ),
    ).not.toHaveLength(0);
    expect(screen.queryByText('Endpoints')).not.toBeInTheDocument();
  });

  it('should say which permission is missing when the backend answers 403', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message:
            "You don't have permission to see the live AWS status of component:default/payments (private-fargate.status.read)",
        },
        request: { method: 'GET', url: '/status' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    renderCard(() => Promise.reject(error));

    expect(
      await screen.findByText(
        /You don't have permission to see the live AWS status of this entity \(private-fargate\.status\.read\)$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/403/)).not.toBeInTheDocument();
    expect(screen.queryByText('Endpoints')).not.toBeInTheDocument();
  });

  it('should name the missing annotations and not call the backend when the entity has none', async () => {
    const getStatus = answering(demoStatus());
    renderCard(getStatus, plainEntity);

    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(/private-fargate\/aws-account-id/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/private-fargate\/vpc-id/).length,
    ).toBeGreaterThan(0);
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('should say so when the VPC has no endpoints and none are declared', async () => {
    renderCard(
      answering(
        demoStatus({
          endpoints: [],
          declaredButMissing: [],
          monthlyCost: undefined,
        }),
      ),
    );

    expect(
      await screen.findByText(
        'No VPC endpoints in vpc-0a1b2c3d4e5f60718, and the entity declares none.',
      ),
    ).toBeInTheDocument();
  });

  it('should show the account, Region and VPC, and each endpoint with its type, AZs and private DNS', async () => {
    renderCard(answering(demoStatus()));

    expect(
      await screen.findByText(
        'Account 123456789012 · ap-northeast-1 · vpc-0a1b2c3d4e5f60718',
      ),
    ).toBeInTheDocument();
    const ecrApi = within(rowOf('ecr.api'));
    expect(
      ecrApi.getByText('com.amazonaws.ap-northeast-1.ecr.api'),
    ).toBeInTheDocument();
    expect(ecrApi.getByText('Interface')).toBeInTheDocument();
    expect(
      ecrApi.getByText('ap-northeast-1a, ap-northeast-1c'),
    ).toBeInTheDocument();
    expect(ecrApi.getByText('Enabled')).toBeInTheDocument();
    const s3 = within(rowOf('s3'));
    expect(s3.getByText('Gateway')).toBeInTheDocument();
    expect(s3.getAllByText('—')).toHaveLength(2);
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it.each([
    ['available', 'Available', 'Status ok'],
    ['pending', 'Pending', 'Status pending'],
    ['pendingAcceptance', 'Pending acceptance', 'Status pending'],
    ['PendingAcceptance', 'Pending acceptance', 'Status pending'],
    ['partial', 'Partial', 'Status warning'],
    ['deleting', 'Deleting', 'Status warning'],
    ['deleted', 'Deleted', 'Status aborted'],
    ['rejected', 'Rejected', 'Status aborted'],
    ['expired', 'Expired', 'Status aborted'],
    ['failed', 'Failed', 'Status error'],
    ['Failed', 'Failed', 'Status error'],
    ['somethingNew', 'Something new', 'Status warning'],
  ])(
    'should show an endpoint in state %s as "%s" with %s',
    async (state, label, status) => {
      renderCard(
        answering(
          demoStatus({
            endpoints: [endpoint('logs', { state })],
            monthlyCost: undefined,
          }),
        ),
      );

      await screen.findByText('logs');
      expect(statusOf(label)).toBe(status);
    },
  );

  it('should show the last error AWS gave for an endpoint', async () => {
    renderCard(
      answering(
        demoStatus({
          endpoints: [
            endpoint('kms', {
              state: 'failed',
              lastError:
                'InsufficientFreeAddressesInSubnet: subnet-0aa has no free IP addresses',
            }),
          ],
        }),
      ),
    );

    await screen.findByText('kms');
    const row = within(rowOf('kms'));
    expect(
      row.getByText(
        'InsufficientFreeAddressesInSubnet: subnet-0aa has no free IP addresses',
      ),
    ).toBeInTheDocument();
  });

  it('should mark declared endpoints that are missing from the VPC', async () => {
    renderCard(
      answering(
        demoStatus({
          endpoints: [
            endpoint('ecr.api'),
            endpoint('logs', {
              state: 'missing',
              present: false,
              availabilityZones: [],
              endpointId: undefined,
            }),
          ],
          declaredButMissing: ['logs', 'ecr.dkr'],
        }),
      ),
    );

    await screen.findByText('ecr.api');
    for (const service of ['logs', 'ecr.dkr']) {
      const row = within(rowOf(service));
      expect(row.getByText('Declared, missing in VPC')).toBeInTheDocument();
      expect(row.getByText('Missing').closest('[aria-label]')).toHaveAttribute(
        'aria-label',
        'Status error',
      );
    }
    expect(
      within(rowOf('ecr.api')).queryByText('Declared, missing in VPC'),
    ).toBeNull();
  });

  it('should mark endpoints that are present but not declared as informational', async () => {
    renderCard(
      answering(
        demoStatus({
          endpoints: [
            endpoint('ecr.api'),
            endpoint('sts', { declared: false }),
          ],
          presentButNotDeclared: ['sts'],
        }),
      ),
    );

    await screen.findByText('sts');
    expect(within(rowOf('sts')).getByText('Not declared')).toBeInTheDocument();
    expect(within(rowOf('ecr.api')).queryByText('Not declared')).toBeNull();
  });

  it('should show the monthly cost of the endpoints line by line', async () => {
    renderCard(answering(demoStatus()));

    expect(await screen.findByText('Monthly cost: $43.80')).toBeInTheDocument();
    expect(
      screen.getByText('3 interface endpoints × 2 AZs: $43.80'),
    ).toBeInTheDocument();
    expect(screen.getByText('S3 gateway endpoint: $0.00')).toBeInTheDocument();
  });

  it('should show when the data was fetched', async () => {
    renderCard(answering(demoStatus()));

    await screen.findByText('ecr.api');
    expect(
      document.querySelector('time[datetime="2026-11-21T10:00:00.000Z"]'),
    ).toHaveTextContent(new Date('2026-11-21T10:00:00.000Z').toLocaleString());
  });

  it('should warn that the data is stale when the last refresh failed', async () => {
    renderCard(
      answering(
        demoStatus({
          stale: true,
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'throttled',
              message:
                'AWS throttled DescribeVpcEndpoints (RequestLimitExceeded). The card retries on the next refresh.',
            },
          ],
        }),
      ),
    );

    expect(
      await screen.findByText(
        /Showing older data: the last refresh from AWS failed/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/AWS throttled the request \(DescribeVpcEndpoints\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /AWS throttled DescribeVpcEndpoints \(RequestLimitExceeded\)/,
      ),
    ).toBeInTheDocument();
    // Stale data is still shown under the banner.
    expect(screen.getByText('ecr.api')).toBeInTheDocument();
  });

  it('should not warn about staleness for fresh data', async () => {
    renderCard(answering(demoStatus()));

    await screen.findByText('ecr.api');
    expect(screen.queryByText(/Showing older data/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should show a banner for every failed AWS call, saying what went wrong', async () => {
    renderCard(
      answering(
        demoStatus({
          endpointService: undefined,
          errors: [
            {
              operation: 'DescribeVpcEndpointServiceConfigurations',
              kind: 'access-denied',
              message:
                'The role lacks ec2:DescribeVpcEndpointServiceConfigurations. Add it to the IAM policy in the README.',
            },
            {
              operation: 'DescribeVpcEndpointConnections',
              kind: 'timeout',
              message: 'EC2 did not answer within 5 s.',
            },
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'malformed-response',
              message: 'EC2 answered with XML that could not be parsed.',
            },
            {
              operation: 'config',
              kind: 'account-not-configured',
              message:
                'Account 999999999999 is not in aws.accounts; add it to app-config.yaml.',
            },
          ],
        }),
      ),
    );

    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toHaveTextContent(
      'Access denied by AWS (DescribeVpcEndpointServiceConfigurations)',
    );
    expect(alerts[0]).toHaveTextContent(
      'The role lacks ec2:DescribeVpcEndpointServiceConfigurations.',
    );
    expect(alerts[1]).toHaveTextContent(
      'AWS did not answer in time (DescribeVpcEndpointConnections)',
    );
    expect(alerts[1]).toHaveTextContent('EC2 did not answer within 5 s.');
    expect(alerts[2]).toHaveTextContent(
      'AWS sent an answer that could not be read (DescribeVpcEndpoints)',
    );
    expect(alerts[3]).toHaveTextContent(
      'AWS account not configured in Backstage (config)',
    );
    expect(alerts[3]).toHaveTextContent(
      'Account 999999999999 is not in aws.accounts',
    );
  });

  it('should show the PrivateLink service with its connections and call out pending acceptance', async () => {
    renderCard(answering(demoStatus({ endpointService: endpointService() })));

    expect(await screen.findByText('PrivateLink service')).toBeInTheDocument();
    expect(screen.getByText('vpce-svc-0123456789abcdef0')).toBeInTheDocument();
    expect(screen.getByText('Required')).toBeInTheDocument();
    expect(
      screen.getByText('Allowed principals').nextSibling,
    ).toHaveTextContent('3');
    expect(screen.getByText('Available: 1')).toBeInTheDocument();
    expect(screen.getByText('Pending acceptance: 1')).toBeInTheDocument();
    expect(screen.getByText('Rejected: 1')).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 connection is waiting for acceptance: 345678901234. Accept or reject them on the endpoint service.',
      ),
    ).toBeInTheDocument();
    const pending = within(rowOf('vpce-0bbbbbbbbbbbbbbb2'));
    expect(pending.getByText('345678901234')).toBeInTheDocument();
    expect(
      pending.getByText('Pending acceptance').closest('[aria-label]'),
    ).toHaveAttribute('aria-label', 'Status pending');
    expect(
      within(rowOf('vpce-0ccccccccccccccc3'))
        .getByText('Rejected')
        .closest('[aria-label]'),
    ).toHaveAttribute('aria-label', 'Status aborted');
  });

  it('should not call out pending acceptance when no connection waits', async () => {
    renderCard(
      answering(
        demoStatus({
          endpointService: endpointService({
            acceptanceRequired: false,
            connections: [
              {
                consumerAccountId: '210987654321',
                endpointId: 'vpce-0aaaaaaaaaaaaaaa1',
                state: 'available',
              },
            ],
            connectionCountsByState: { available: 1 },
          }),
        }),
      ),
    );

    expect(await screen.findByText('Automatic')).toBeInTheDocument();
    expect(screen.queryByText(/waiting for acceptance/)).toBeNull();
  });

  it('should say when no consumer is connected to the PrivateLink service', async () => {
    renderCard(
      answering(
        demoStatus({
          endpointService: endpointService({
            connections: [],
            connectionCountsByState: {},
          }),
        }),
      ),
    );

    expect(
      await screen.findByText('No consumer is connected yet.'),
    ).toBeInTheDocument();
  });

  it('should show consumer endpoints of PrivateLink services the entity connects to', async () => {
    renderCard(
      answering(
        demoStatus({
          consumerEndpoints: [
            endpoint(
              'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0fedcba9876543210',
              {
                serviceName:
                  'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0fedcba9876543210',
                state: 'pendingAcceptance',
              },
            ),
          ],
        }),
      ),
    );

    expect(
      await screen.findByText('PrivateLink consumer endpoints'),
    ).toBeInTheDocument();
    expect(statusOf('Pending acceptance')).toBe('Status pending');
  });

  it('should name a declared consumer endpoint that AWS does not list by its ID', async () => {
    renderCard(
      answering(
        demoStatus({
          consumerEndpoints: [
            endpoint('', {
              serviceName: '',
              endpointId: 'vpce-0ddddddddddddddd4',
              state: 'missing',
              present: false,
              availabilityZones: [],
            }),
          ],
        }),
      ),
    );

    expect(
      await screen.findByText('vpce-0ddddddddddddddd4'),
    ).toBeInTheDocument();
    const row = within(rowOf('vpce-0ddddddddddddddd4'));
    expect(row.getByText('Declared, missing in VPC')).toBeInTheDocument();
    expect(row.getByText('Missing').closest('[aria-label]')).toHaveAttribute(
      'aria-label',
      'Status error',
    );
  });

  it('should label demo data as demo', async () => {
    renderCard(answering(demoStatus({ source: 'demo' })));

    expect(await screen.findByText('Demo data')).toBeInTheDocument();
  });

  it('should link to the upgrade template when the service is behind the latest template', async () => {
    renderCard(
      answering(
        demoStatus({
          template: {
            name: 'private-fargate-service',
            version: '1.0.0',
            latestVersion: '1.2.0',
            behind: true,
          },
        }),
      ),
    );

    expect(
      await screen.findByText(
        /template private-fargate-service v1.0.0, latest v1.2.0/,
      ),
    ).toBeInTheDocument();
    const href = screen
      .getByRole('link', { name: 'Upgrade this service' })
      .getAttribute('href');
    expect(href).toBe(
      `/create/templates/default/private-fargate-upgrade?formData=${encodeURIComponent(
        '{"entity":"component:default/payments"}',
      )}`,
    );
    // The scaffolder prefills its form from the formData query parameter, as JSON.
    const url = new URL(href!, 'http://localhost');
    expect(url.pathname).toBe(
      '/create/templates/default/private-fargate-upgrade',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      entity: 'component:default/payments',
    });
  });

  it('should say why the latest template version is unknown, without an upgrade link', async () => {
    renderCard(
      answering(
        demoStatus({
          template: {
            name: 'private-fargate-service',
            version: '1.0.0',
            behind: false,
            reason:
              'template:default/private-fargate-service is not in the catalog (or you may not see it), so the latest version is unknown.',
          },
        }),
      ),
    );

    expect(
      await screen.findByText(
        /template private-fargate-service v1.0.0\. template:default\/private-fargate-service is not in the catalog/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Upgrade this service' }),
    ).toBeNull();
  });

  it('should not mention the template when the service is up to date', async () => {
    renderCard(
      answering(
        demoStatus({
          template: {
            name: 'private-fargate-service',
            version: '1.2.0',
            latestVersion: '1.2.0',
            behind: false,
          },
        }),
      ),
    );

    await screen.findByText('ecr.api');
    expect(screen.queryByText(/Generated from template/)).toBeNull();
  });

  it('should ask the backend again when the refresh button is pressed, and show the new answer', async () => {
    const getStatus = jest
      .fn<Promise<PrivateFargateStatus>, any[]>()
      .mockResolvedValueOnce(demoStatus())
      .mockResolvedValueOnce(
        demoStatus({
          endpoints: [endpoint('ecr.api', { state: 'deleting' })],
          fetchedAt: '2026-11-21T10:01:00.000Z',
        }),
      );
    renderCard(getStatus);

    await screen.findByText('ecr.dkr');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('Deleting')).toBeInTheDocument();
    expect(getStatus).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByText('ecr.dkr')).toBeNull());
  });
  it('should list the declared endpoints as not read, claim nothing missing and give no fetch time when AWS was not read', async () => {
    renderCard(
      answering(
        demoStatus({
          vpcEndpointsRead: false,
          endpoints: ['ecr.api', 'logs'].map(service =>
            endpoint(service, {
              state: 'unknown',
              present: false,
              endpointId: undefined,
              availabilityZones: [],
              subnetIds: [],
              privateDnsEnabled: undefined,
            }),
          ),
          monthlyCost: undefined,
          fetchedAt: undefined,
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'access-denied',
              message: 'Access denied to ec2:DescribeVpcEndpoints.',
            },
          ],
        }),
      ),
    );

    await screen.findByText('ecr.api');
    for (const service of ['ecr.api', 'logs']) {
      const row = within(rowOf(service));
      expect(row.getByText('Not read from AWS')).toBeInTheDocument();
      expect(row.getByText('Declared')).toBeInTheDocument();
      expect(row.queryByText('Declared, missing in VPC')).toBeNull();
      expect(row.queryByText('Missing')).toBeNull();
    }
    expect(screen.queryByText(/Fetched/)).toBeNull();
    expect(document.querySelector('time')).toBeNull();
  });

  it('should not claim the VPC has no endpoints when it was not read and nothing is declared', async () => {
    renderCard(
      answering(
        demoStatus({
          vpcEndpointsRead: false,
          endpoints: [],
          monthlyCost: undefined,
          fetchedAt: undefined,
          errors: [
            {
              operation: 'config',
              kind: 'account-not-configured',
              message: 'AWS account 123456789012 is not configured.',
            },
          ],
        }),
      ),
    );

    expect(
      await screen.findByText(
        'The endpoints of vpc-0a1b2c3d4e5f60718 could not be read from AWS, and the entity declares none.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^No VPC endpoints in/)).toBeNull();
    expect(screen.queryByText(/Fetched/)).toBeNull();
  });

  it('should mark a declared endpoint that exists but does not work, and say why', async () => {
    renderCard(
      answering(
        demoStatus({
          endpoints: [
            endpoint('ecr.api'),
            endpoint('ecr.dkr', {
              privateDnsEnabled: false,
              problem:
                'has private DNS off, so tasks resolve the public ecr.dkr name and bypass it; turn private DNS on for the endpoint',
            }),
          ],
          declaredButUnhealthy: [
            {
              service: 'ecr.dkr',
              reason:
                'vpce-0123456789abcdef0 has private DNS off, so tasks resolve the public ecr.dkr name and bypass it; turn private DNS on for the endpoint',
            },
          ],
        }),
      ),
    );

    await screen.findByText('ecr.dkr');
    const row = within(rowOf('ecr.dkr'));
    expect(row.getByText('Declared, not working')).toBeInTheDocument();
    expect(
      row.getByText(
        'This endpoint has private DNS off, so tasks resolve the public ecr.dkr name and bypass it; turn private DNS on for the endpoint.',
      ),
    ).toBeInTheDocument();
    expect(row.getByText('Disabled')).toBeInTheDocument();
    expect(
      within(rowOf('ecr.api')).queryByText('Declared, not working'),
    ).toBeNull();
  });

  it('should show the hints the backend gives', async () => {
    const hint =
      'No endpoints found in vpc-0a1b2c3d4e5f60718 in ap-northeast-1 of account 123456789012, although the entity declares ecr.api. Check the private-fargate/vpc-id, private-fargate/aws-region and private-fargate/aws-account-id annotations; if they are right, the endpoints have not been created yet.';
    renderCard(answering(demoStatus({ hints: [hint] })));

    expect(await screen.findByText('Info: Worth checking')).toBeInTheDocument();
    expect(screen.getByText(hint)).toBeInTheDocument();
  });

  it.each([
    ['credentials-expired', 'AWS credentials expired'],
    ['clock-skew', 'AWS rejected the request as expired'],
    ['region-not-enabled', 'Region not enabled for the account'],
    ['assume-role-denied', 'The backend could not assume its AWS role'],
  ] as const)('should title a %s error "%s"', async (kind, title) => {
    renderCard(
      answering(
        demoStatus({
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind,
              message: 'What to do.',
            },
          ],
        }),
      ),
    );

    const [alert] = await screen.findAllByRole('alert');
    expect(alert).toHaveTextContent(`${title} (DescribeVpcEndpoints)`);
  });

  it('should show the PrivateLink service parts that were read when a call failed', async () => {
    renderCard(
      answering(
        demoStatus({
          endpointService: endpointService({
            allowedPrincipalsCount: undefined,
          }),
        }),
      ),
    );

    expect(await screen.findByText('PrivateLink service')).toBeInTheDocument();
    expect(
      screen.getByText('Allowed principals').nextSibling,
    ).toHaveTextContent('Not read (see the error above)');
    expect(
      within(
        screen.getByRole('group', { name: 'Connections by state' }),
      ).getByText('Pending acceptance: 1'),
    ).toBeInTheDocument();
  });

  it('should say the connections were not read when that call failed', async () => {
    renderCard(
      answering(
        demoStatus({
          endpointService: endpointService({
            connections: undefined,
            connectionCountsByState: undefined,
          }),
        }),
      ),
    );

    expect(
      await screen.findByText('Connections: Not read (see the error above)'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No consumer is connected yet.')).toBeNull();
    expect(
      screen.getByText('Allowed principals').nextSibling,
    ).toHaveTextContent('3');
  });

  it('should name a blank required annotation as missing instead of failing', async () => {
    const getStatus = answering(demoStatus());
    const blankVpc = {
      ...annotatedEntity,
      metadata: {
        ...annotatedEntity.metadata,
        annotations: {
          ...annotatedEntity.metadata.annotations,
          'private-fargate/vpc-id': ' ',
        },
      },
    };
    renderCard(getStatus, blankVpc);

    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(/private-fargate\/vpc-id/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/private-fargate\/aws-region/)).toBeNull();
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('should give the loading bar an accessible name', async () => {
    renderCard(() => new Promise<PrivateFargateStatus>(() => {}));

    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the VPC endpoint status',
      }),
    ).toBeInTheDocument();
  });

  it('should say that refresh reloads the cached status', async () => {
    renderCard(answering(demoStatus()));

    await screen.findByText('ecr.api');
    await userEvent.hover(screen.getByRole('button', { name: 'Refresh' }));
    expect(
      await screen.findByText(
        'Reload the cached status from the backend (it reads AWS at most once per cache TTL)',
      ),
    ).toBeInTheDocument();
  });
});
