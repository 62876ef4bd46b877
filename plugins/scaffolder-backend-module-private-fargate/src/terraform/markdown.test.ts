import { estimateMonthlyCost } from '@private-fargate/plugin-private-fargate-common';
import { costTables } from './markdown';

describe('costTables', () => {
  it('should write dollar amounts with thousands separators', () => {
    const estimate = estimateMonthlyCost({
      region: 'ap-northeast-1',
      azs: 3,
      interfaceEndpoints: 20,
      gbPerMonth: 100_000,
    });
    expect(estimate.endpointsOnly.total).toBeGreaterThan(1000);
    const markdown = costTables(estimate);
    expect(markdown).toMatch(
      /\| Endpoints only \(this design\) \| \$\d{1,3}(,\d{3})+\.\d{2} \|/,
    );
    expect(markdown).not.toMatch(/\$\d{4,}/);
  });
});
