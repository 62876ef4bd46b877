import {
  isSupportedRegion,
  regionRequiresEcsEndpoints,
  REGIONS_REQUIRING_ECS_ENDPOINTS,
  SUPPORTED_REGIONS,
} from './regions';

describe('regions', () => {
  it('knows the commercial Regions, sorted, without China or GovCloud', () => {
    expect([...SUPPORTED_REGIONS]).toEqual([...SUPPORTED_REGIONS].sort());
    expect(isSupportedRegion('ap-northeast-1')).toBe(true);
    expect(isSupportedRegion('cn-north-1')).toBe(false);
    expect(isSupportedRegion('us-gov-west-1')).toBe(false);
  });

  it('flags the Regions introduced after 2023-12-23, such as ca-west-1', () => {
    expect(regionRequiresEcsEndpoints('ca-west-1')).toBe(true);
    expect(regionRequiresEcsEndpoints('us-east-1')).toBe(false);
    expect(regionRequiresEcsEndpoints('ap-northeast-1')).toBe(false);
    for (const region of REGIONS_REQUIRING_ECS_ENDPOINTS) {
      expect(isSupportedRegion(region)).toBe(true);
    }
  });
});
