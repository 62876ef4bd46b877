import { render, screen, within } from '@testing-library/react';
import { estimateMonthlyCost } from '@private-fargate/plugin-private-fargate-common';
import { PlanPreviewField } from './PlanPreviewField';

function renderField(formData: Record<string, unknown>, options: object = {}) {
  const props = {
    formContext: { formData },
    uiSchema: { 'ui:options': options },
    schema: { title: 'Planned VPC endpoints' },
    formData: undefined,
    onChange: jest.fn(),
  } as any;
  return render(<PlanPreviewField {...props} />);
}

const usd = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
    amount,
  );

describe('PlanPreviewField', () => {
  it('should ask for the Region before it can plan', () => {
    renderField({ name: 'orders-api' });
    expect(screen.getByText('Planned VPC endpoints')).toBeInTheDocument();
    expect(screen.getByText(/Choose the AWS Region/)).toBeInTheDocument();
  });

  it('should list the endpoints with reasons and price them against NAT gateways', () => {
    renderField({
      region: 'ap-northeast-1',
      privateSubnets: [{ id: 'subnet-1' }, { id: 'subnet-2' }],
      platformVersion: 'LATEST',
      logging: 'awslogs',
      execEnabled: true,
    });
    const table = screen.getByRole('table', { name: 'Planned VPC endpoints' });
    for (const service of ['ecr.api', 'ecr.dkr', 's3', 'logs', 'ssmmessages']) {
      expect(within(table).getByText(service)).toBeInTheDocument();
    }
    expect(within(table).queryByText('ecs-agent')).not.toBeInTheDocument();
    // Reasons read as text, not as the planner's codes.
    expect(
      within(table).getAllByText(/pull images from private ECR/).length,
    ).toBe(3);
    expect(within(table).queryByText(/image-pull:ecr/)).not.toBeInTheDocument();
    // Four interface endpoints (ecr.api, ecr.dkr, logs, ssmmessages) in two zones.
    const cost = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 2,
      interfaceEndpoints: 4,
      gbPerMonth: 10,
    });
    const costs = screen.getByRole('table', { name: 'Monthly cost' });
    expect(
      within(costs).getByText(usd(cost.endpointsOnly.total)),
    ).toBeInTheDocument();
    expect(
      within(costs).getByText(usd(cost.natOnly.total)),
    ).toBeInTheDocument();
  });

  it('should plan a Region without prices and say the cost is not estimated, and where AWS prices it', () => {
    renderField({
      region: 'eu-west-2',
      privateSubnets: [{ id: 'subnet-1' }, { id: 'subnet-2' }],
    });
    const table = screen.getByRole('table', { name: 'Planned VPC endpoints' });
    expect(within(table).getByText('ecr.dkr')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Monthly cost' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/^No prices for eu-west-2 in this version/),
    ).toHaveTextContent('https://aws.amazon.com/privatelink/pricing/');
  });

  it('should follow the answers: platform 1.3.0 without logs needs fewer endpoints', () => {
    renderField({
      region: 'eu-west-1',
      platformVersion: '1.3.0',
      logging: 'none',
    });
    const table = screen.getByRole('table', { name: 'Planned VPC endpoints' });
    expect(within(table).getByText('ecr.dkr')).toBeInTheDocument();
    expect(within(table).queryByText('ecr.api')).not.toBeInTheDocument();
    expect(within(table).queryByText('logs')).not.toBeInTheDocument();
  });

  it('should add the endpoints the secrets and template options call for', () => {
    renderField(
      {
        region: 'us-east-1',
        secrets: [
          {
            name: 'A',
            valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/a',
          },
        ],
      },
      { requirements: { bastion: true } },
    );
    const table = screen.getByRole('table', { name: 'Planned VPC endpoints' });
    expect(within(table).getByText('ssm')).toBeInTheDocument();
    expect(within(table).getByText('ssmmessages')).toBeInTheDocument();
  });

  it('should say now what the template would refuse: two subnets in one zone, a secret in another Region', () => {
    renderField({
      region: 'ap-northeast-1',
      privateSubnets: [
        { id: 'subnet-1', availabilityZone: 'ap-northeast-1a' },
        { id: 'subnet-2', availabilityZone: 'ap-northeast-1a' },
        { id: 'subnet-3', availabilityZone: 'ap-northeast-1c' },
      ],
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom:
            'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf',
        },
      ],
    });
    expect(
      screen.getByText(
        'Subnets subnet-1 and subnet-2 are both in ap-northeast-1a; list one subnet per Availability Zone.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Secret DB_PASSWORD is in us-east-1, but the task runs in ap-northeast-1 .*replicate the secret into ap-northeast-1/,
      ),
    ).toBeInTheDocument();
    // Endpoints go one per zone: two zones, not three subnets.
    expect(
      screen.getByText(/interface endpoints in 2 Availability Zones/),
    ).toBeInTheDocument();
  });

  it('should say that one JSON key of a secret needs platform 1.4.0', () => {
    renderField({
      region: 'ap-northeast-1',
      platformVersion: '1.3.0',
      privateSubnets: [{ id: 'subnet-1' }, { id: 'subnet-2' }],
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom:
            'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db-AbCdEf:password::',
        },
      ],
    });
    expect(
      screen.getByText(
        /^Secret DB_PASSWORD selects a JSON key or a version of the secret, which Fargate injects from platform version 1\.4\.0/,
      ),
    ).toBeInTheDocument();
  });

  it('should explain an answer the planner cannot use instead of failing', () => {
    renderField({
      region: 'ap-northeast-1',
      applicationBuckets: ['Not_A_Bucket'],
    });
    expect(screen.getByText(/applicationBuckets/)).toBeInTheDocument();
  });
});
