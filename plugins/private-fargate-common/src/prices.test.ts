import {
  isPricedRegion,
  PRICED_REGIONS,
  PRICES,
  unpricedRegionNote,
} from './prices';

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

  it.each([
    ['ap-northeast-1', 'natGatewayHour', 0.062, 'sourced'],
    ['ap-northeast-1', 'interfaceEndpointHour', 0.014, 'sourced'],
    ['us-east-1', 'natGatewayData', 0.045, 'sourced'],
    ['eu-west-1', 'natGatewayHour', 0.048, 'sourced'],
    ['ap-southeast-1', 'interfaceEndpointHour', 0.013, 'sourced'],
    ['eu-west-1', 'interfaceEndpointHour', 0.011, 'unverified'],
    ['eu-central-1', 'natGatewayHour', 0.052, 'unverified'],
  ] as const)('marks %s %s ($%s) as %s', (region, price, usd, confidence) => {
    expect(PRICES[region][price]).toMatchObject({ usd, confidence });
  });
});

describe('isPricedRegion and unpricedRegionNote', () => {
  it('tells the priced Regions from the others, and says where the others are priced', () => {
    expect(isPricedRegion('ap-northeast-1')).toBe(true);
    expect(isPricedRegion('eu-west-2')).toBe(false);
    expect(unpricedRegionNote('eu-west-2')).toBe(
      'No prices for eu-west-2 in this version (priced Regions: ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2), so the cost is not estimated; see https://aws.amazon.com/privatelink/pricing/ for interface endpoints and https://aws.amazon.com/vpc/pricing/ for NAT gateways.',
    );
  });
});
