import { PRICED_REGIONS, PRICES } from './prices';

describe('PRICES', () => {
  it('covers the Regions the issue asks for', () => {
    expect(PRICED_REGIONS).toEqual(
      expect.arrayContaining([
        'us-east-1',
        'us-west-2',
        'eu-west-1',
        'eu-central-1',
        'ap-northeast-1',
        'ap-southeast-1',
      ]),
    );
  });

  it('gives every price a positive value, a source and an as-of date', () => {
    for (const region of PRICED_REGIONS) {
      const prices = PRICES[region];
      const all = [
        prices.interfaceEndpointHour,
        ...prices.interfaceEndpointDataTiers,
        prices.natGatewayHour,
        prices.natGatewayData,
        prices.publicIpv4Hour,
      ];
      for (const price of all) {
        expect(price.usd).toBeGreaterThan(0);
        expect(price.source).toMatch(/^https:\/\//);
        expect(price.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const tiers = prices.interfaceEndpointDataTiers;
      expect(tiers[tiers.length - 1].upToGb).toBeUndefined();
      tiers.slice(0, -1).forEach((tier, index) => {
        expect(tier.upToGb).toBeGreaterThan(
          index === 0 ? 0 : tiers[index - 1].upToGb!,
        );
      });
    }
  });

  it('marks the figures taken from the reference as sourced', () => {
    expect(PRICES['ap-northeast-1'].natGatewayHour).toMatchObject({
      usd: 0.062,
      confidence: 'sourced',
    });
    expect(PRICES['ap-northeast-1'].interfaceEndpointHour).toMatchObject({
      usd: 0.014,
      confidence: 'sourced',
    });
    expect(PRICES['us-east-1'].natGatewayData).toMatchObject({
      usd: 0.045,
      confidence: 'sourced',
    });
    expect(PRICES['eu-west-1'].natGatewayHour).toMatchObject({
      usd: 0.048,
      confidence: 'sourced',
    });
    expect(PRICES['ap-southeast-1'].interfaceEndpointHour).toMatchObject({
      usd: 0.013,
      confidence: 'sourced',
    });
    expect(PRICES['eu-west-1'].interfaceEndpointHour.confidence).toBe(
      'unverified',
    );
  });
});
