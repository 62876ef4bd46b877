import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import yaml from 'yaml';
import { goldenCases } from './__golden__/cases';
import { examples as recordExamples } from './actions/record.examples';
import {
  dryRunTemplate,
  startModuleBackend,
} from './__testUtils__/dryRunTemplate';

jest.setTimeout(60_000);

describe('privateFargateScaffolderModule', () => {
  it('should list our actions with their examples, as /create/actions shows them', async () => {
    const server = await startModuleBackend();
    const response = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    const ours = response.body.filter((a: { id: string }) =>
      a.id.startsWith('private-fargate:'),
    );
    expect(ours.map((a: { id: string }) => a.id)).toEqual([
      'private-fargate:plan',
      'private-fargate:provider:fetch',
      'private-fargate:record',
      'private-fargate:terraform',
      'private-fargate:upgrade',
    ]);
    for (const action of ours) {
      expect(action.examples.length).toBeGreaterThan(0);
      expect(action.schema.input.properties).toBeDefined();
    }
    const terraform = ours.find(
      (a: { id: string }) => a.id === 'private-fargate:terraform',
    );
    expect(
      terraform.schema.input.properties.serviceName.description,
    ).toBeTruthy();
    expect(terraform.schema.output.properties.files.description).toBeTruthy();

    // The common package shares its port and CIDR schemas between fields; each field still
    // shows its own type, default and description rather than a $ref to the first one. Value
    // checks are left to the handlers, whose messages say how to fix a value.
    for (const action of ours) {
      expect(JSON.stringify(action.schema.input)).not.toContain('"$ref"');
      expect(JSON.stringify(action.schema.input)).not.toMatch(
        /"(pattern|minimum|maximum|minLength|maxLength|minItems)"/,
      );
    }
    const { service, privateLinkConsumer, network } =
      terraform.schema.input.properties;
    expect(service.properties.loadBalancer.properties.listenerPort).toEqual(
      expect.objectContaining({ type: 'integer', default: 80 }),
    );
    // A consumer's default port is the provider's default listener port.
    expect(privateLinkConsumer.properties.port).toEqual(
      expect.objectContaining({ type: 'integer', default: 80 }),
    );
    expect(privateLinkConsumer.properties.port.description).not.toBe(
      service.properties.containerPort.description,
    );
    expect(
      network.properties.endpointSubnets.properties.existingSubnetCidrs.items,
    ).toEqual(expect.objectContaining({ type: 'string' }));
    expect(
      network.properties.endpointSubnets.properties.existingSubnetCidrs.items
        .description,
    ).not.toBe(network.properties.vpcCidr.description);
  });

  it('should plan and write Terraform in a dry run through the real scaffolder engine', async () => {
    const input = goldenCases.find(
      c => c.name === 'privatelink-provider',
    )!.input;
    const { response, fileText } = await dryRunTemplate({
      steps: [
        {
          id: 'plan',
          name: 'Plan',
          action: 'private-fargate:plan',
          input: { requirements: input.requirements },
        },
        {
          id: 'terraform',
          name: 'Terraform',
          action: 'private-fargate:terraform',
          input,
        },
      ],
      output: {
        summary: '${{ steps.plan.output.summary }}',
        files: '${{ steps.terraform.output.files }}',
      },
    });
    expect(response.status).toBe(200);
    const paths = response.body.directoryContents.map(
      (f: { path: string }) => f.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'infra/main.tf',
        'infra/modules/privatelink-provider/main.tf',
        'infra/README.md',
      ]),
    );
    expect(response.body.output.summary).toContain('VPC endpoints');
    expect(fileText('infra/modules/privatelink-provider/main.tf')).toContain(
      'acceptance_required        = true',
    );
  });

  it.each(
    recordExamples.map(example => [example.description, example] as const),
  )(
    'should run the private-fargate:record example in a dry run: %s',
    async (_, example) => {
      const step = yaml.parse(example.example).steps[0];
      const { response, fileText } = await dryRunTemplate({
        metadata: {
          name: 'private-fargate-service',
          annotations: { 'private-fargate/template-version': '1.2.0' },
        },
        steps: [
          {
            id: 'plan',
            name: 'Plan',
            action: 'private-fargate:plan',
            input: { requirements: { region: '${{ parameters.region }}' } },
          },
          step,
        ],
        output: { record: '${{ steps.record.output }}' },
        values: {
          region: 'ap-northeast-1',
          privateSubnets: ['subnet-0a', 'subnet-0b'],
        },
      });
      expect(response.status).toBe(200);
      const { path: recordPath } = response.body.output.record;
      const written = JSON.parse(fileText(recordPath)!);
      expect(recordPath).toMatch(/(^|\/)\.private-fargate\/scaffold\.json$/);
      expect(`${written.template.name}@${written.template.version}`).toBe(
        response.body.output.record.template,
      );
      // The planner's requirements are recorded when the example passes them on.
      expect(written.requirements?.region).toBe(
        step.input.requirements ? 'ap-northeast-1' : undefined,
      );
    },
  );

  it('should fail the dry run with the field name and how to fix it on bad input', async () => {
    const input = {
      ...goldenCases[0].input,
      network: {
        ...goldenCases[0].input.network,
        vpcId: 'vpc-123',
        vpcCidr: '10.0.0.1/16',
      },
    };
    const { response } = await dryRunTemplate({
      steps: [
        {
          id: 't',
          name: 'T',
          action: 'private-fargate:terraform',
          input,
        },
      ],
    });
    // The handler's messages, not the scaffolder's schema check ("does not match pattern").
    expect(response.body.error.message).toContain(
      'network.vpcId: must be "vpc-" followed by 8 or 17 lower-case hex digits, e.g. vpc-0a1b2c3d4e5f60718',
    );
    expect(response.body.error.message).toMatch(/network\.vpcCidr: /);
    expect(response.body.error.message).not.toContain('pattern');
    expect(JSON.stringify(response.body)).not.toContain('infra/main.tf');
  });

  it('should refuse a record input out of range before writing the record', async () => {
    const { response } = await dryRunTemplate({
      steps: [
        {
          id: 'r',
          name: 'R',
          action: 'private-fargate:record',
          input: {
            template: 'private-fargate-service@1.2.0',
            values: { name: 'orders' },
            requirements: { region: 'ap-northeast-1' },
            availabilityZones: 9,
          },
        },
      ],
    });
    expect(response.body.error.message).toMatch(
      /private-fargate:record input:\s+availabilityZones: .*6/,
    );
    expect(JSON.stringify(response.body)).not.toContain('scaffold.json');
  });
});
