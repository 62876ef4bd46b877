import { InputError } from '@backstage/errors';
import {
  estimateMonthlyCost,
  estimateMonthlyCostIfPriced,
  formatUsd,
  roundToCents,
} from './cost';

function amounts(
  lines: { label: string; amount: number }[],
): Record<string, number> {
  return Object.fromEntries(lines.map(line => [line.label, line.amount]));
}

describe('estimateMonthlyCost', () => {
  it('prices one Tokyo NAT gateway for 730 h at $45.26', () => {
    const estimate = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 1,
      interfaceEndpoints: 0,
      gbPerMonth: 0,
    });
    const natHours = estimate.natOnly.lines.find(
      l => l.unit === 'NAT-gateway-hour',
    )!;
    expect(natHours).toMatchObject({
      quantity: 730,
      unitPrice: 0.062,
      amount: 45.26,
    });
  });

  it('prices two Tokyo NAT gateways with 1 GB through each at $90.64, public IPv4 on its own line', () => {
    const estimate = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 2,
      interfaceEndpoints: 0,
      gbPerMonth: 2,
    });
    expect(amounts(estimate.natOnly.lines)).toEqual({
      'NAT gateways: 2 × 730 h': 90.52,
      'NAT gateway data processed': 0.12,
      'Public IPv4 addresses of the NAT gateways: 2 × 730 h': 7.3,
    });
    const hourlyAndData = estimate.natOnly.lines
      .filter(
        l =>
          l.unit === 'NAT-gateway-hour' ||
          l.label === 'NAT gateway data processed',
      )
      .reduce((sum, l) => sum + l.amount * 100, 0);
    expect(Math.round(hourlyAndData) / 100).toBe(90.64);
    expect(estimate.natOnly.total).toBe(97.94);
  });

  it('prices one Tokyo interface endpoint in one AZ for 730 h at $10.22', () => {
    const estimate = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 1,
      interfaceEndpoints: 1,
      gbPerMonth: 0,
    });
    expect(estimate.endpointsOnly.lines[0]).toMatchObject({
      unit: 'endpoint-AZ-hour',
      quantity: 730,
      unitPrice: 0.014,
      amount: 10.22,
    });
    expect(estimate.endpointsOnly.total).toBe(10.22);
  });

  it('compares the three ways for the minimal set in two AZs and shares them across services', () => {
    const estimate = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 2,
      interfaceEndpoints: 3,
      gbPerMonth: 50,
      services: 3,
    });
    // 6 endpoint-AZs × 10.22 = 61.32, + 50 GB × 0.01.
    expect(estimate.endpointsOnly.total).toBe(61.82);
    // 90.52 + 50 × 0.062 = 3.10, + IPv4 7.30.
    expect(estimate.natOnly.total).toBe(100.92);
    // endpoints + NAT hours + IPv4; the AWS traffic no longer crosses NAT.
    expect(estimate.natPlusEndpoints.total).toBe(159.64);
    expect(estimate.perService).toEqual({
      endpointsOnly: 20.61,
      natOnly: 33.64,
      natPlusEndpoints: 53.21,
    });
    expect(estimate).toMatchObject({
      region: 'ap-northeast-1',
      currency: 'USD',
      hoursPerMonth: 730,
    });
  });

  it('reproduces the us-east-1 figures of the reference', () => {
    const estimate = estimateMonthlyCost({
      region: 'us-east-1',
      azs: 2,
      interfaceEndpoints: 5,
      gbPerMonth: 0,
    });
    expect(estimate.endpointsOnly.total).toBe(73);
    expect(estimate.natOnly.lines[0].amount).toBe(65.7);
  });

  it('applies the data tiers beyond 1 PB', () => {
    const pb = 1024 * 1024;
    const estimate = estimateMonthlyCost({
      region: 'us-east-1',
      azs: 1,
      interfaceEndpoints: 1,
      gbPerMonth: 6 * pb,
    });
    const data = estimate.endpointsOnly.lines.filter(l => l.unit === 'GB');
    expect(data.map(l => [l.quantity, l.unitPrice])).toEqual([
      [pb, 0.01],
      [4 * pb, 0.006],
      [pb, 0.004],
    ]);
    expect(data.map(l => l.amount)).toEqual([10485.76, 25165.82, 4194.3]);
  });

  it('rounds each line half-up to cents and adds the rounded lines', () => {
    // us-east-1, one hour and 1 GB: 0.045 rounds up to 0.05 on each NAT line, 0.005 to 0.01.
    const estimate = estimateMonthlyCost({
      region: 'us-east-1',
      azs: 1,
      interfaceEndpoints: 0,
      gbPerMonth: 1,
      natGateways: 1,
      hoursPerMonth: 1,
    });
    expect(amounts(estimate.natOnly.lines)).toEqual({
      'NAT gateways: 1 × 1 h': 0.05,
      'NAT gateway data processed': 0.05,
      'Public IPv4 addresses of the NAT gateways: 1 × 1 h': 0.01,
    });
    expect(estimate.natOnly.total).toBe(0.11);
  });

  it('cites a source with its date on every line', () => {
    const estimate = estimateMonthlyCost({
      region: 'eu-central-1',
      azs: 3,
      interfaceEndpoints: 4,
      gbPerMonth: 10,
    });
    for (const line of [
      ...estimate.endpointsOnly.lines,
      ...estimate.natOnly.lines,
    ]) {
      expect(line.source).toMatch(
        /^https:\/\/.* \(as of \d{4}-\d{2}-\d{2}(, unverified)?\)$/,
      );
      expect(line.source.endsWith(', unverified)')).toBe(
        line.confidence === 'unverified',
      );
    }
  });

  it.each([
    [
      { region: 'ca-west-1', azs: 2, interfaceEndpoints: 3, gbPerMonth: 1 },
      /region: no prices for Region "ca-west-1"; priced Regions: ap-northeast-1/,
    ],
    [
      { region: 'us-east-1', azs: 0, interfaceEndpoints: 3, gbPerMonth: 1 },
      /azs: must be at least 1/,
    ],
    [
      { region: 'us-east-1', azs: 2, interfaceEndpoints: 1.5, gbPerMonth: 1 },
      /interfaceEndpoints: must be a whole number/,
    ],
    [
      { region: 'us-east-1', azs: 2, interfaceEndpoints: 3, gbPerMonth: -1 },
      /gbPerMonth: must be 0 or more/,
    ],
    [
      {
        region: 'us-east-1',
        azs: 2,
        interfaceEndpoints: 3,
        gbPerMonth: 1,
        services: 0,
      },
      /services: must be at least 1/,
    ],
  ])('rejects %j naming the field', (input, message) => {
    expect(() => estimateMonthlyCost(input)).toThrow(InputError);
    expect(() => estimateMonthlyCost(input)).toThrow(message);
  });
});

describe('roundToCents', () => {
  it('rounds half-up on the decimal value, not on binary noise', () => {
    expect(roundToCents(0.125)).toBe(0.13);
    expect(roundToCents(1.005)).toBe(1.01);
    expect(roundToCents(10.22 - 102.2)).toBe(-91.98);
    expect(roundToCents(45.2599999999)).toBe(45.26);
  });
});

describe('formatUsd', () => {
  it('writes dollars with cents and thousands separators', () => {
    expect(formatUsd(10.22)).toBe('$10.22');
    expect(formatUsd(1022)).toBe('$1,022.00');
  });
});

describe('estimateMonthlyCostIfPriced', () => {
  const input = {
    region: 'ap-northeast-1',
    azs: 2,
    interfaceEndpoints: 3,
    gbPerMonth: 10,
  };

  it('should estimate where the Region has prices, and give undefined where it has none', () => {
    expect(estimateMonthlyCostIfPriced(input)).toEqual(
      estimateMonthlyCost(input),
    );
    expect(
      estimateMonthlyCostIfPriced({ ...input, region: 'eu-west-2' }),
    ).toBeUndefined();
  });

  it('should still refuse bad input in a priced Region', () => {
    expect(() => estimateMonthlyCostIfPriced({ ...input, azs: 7 })).toThrow(
      /azs: must be at most 6/,
    );
  });
});
