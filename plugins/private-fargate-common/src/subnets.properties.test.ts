import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { planEndpointSubnets } from './subnets';

function range(cidr: string): [number, number] {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const start = address
    .toByteArray()
    .reduce((value, byte) => value * 256 + byte, 0);
  return [start, start + 2 ** (32 - prefix)];
}

const vpcArbitrary = fc
  .record({
    third: fc.integer({ min: 0, max: 255 }),
    prefix: fc.integer({ min: 16, max: 24 }),
  })
  .map(({ third, prefix }) => {
    const network = ipaddr.IPv4.networkAddressFromCIDR(
      `10.${third}.0.0/${prefix}`,
    );
    return `${network.toString()}/${prefix}`;
  });

describe('planEndpointSubnets properties', () => {
  it('proposes aligned blocks inside the VPC that overlap nothing and fit the endpoints, or says there is no room', () => {
    fc.assert(
      fc.property(
        vpcArbitrary,
        fc.array(
          fc.record({
            offset: fc.nat(),
            prefix: fc.integer({ min: 18, max: 28 }),
          }),
          {
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        (vpcCidr, subnetSeeds, azCount, endpointCount) => {
          const [vpcStart, vpcEnd] = range(vpcCidr);
          // Existing subnets: aligned blocks inside the VPC that do not overlap each other.
          const existing: string[] = [];
          for (const seed of subnetSeeds) {
            const size = 2 ** (32 - seed.prefix);
            if (size > vpcEnd - vpcStart) continue;
            const start =
              vpcStart + ((seed.offset * size) % (vpcEnd - vpcStart));
            const cidr = `${[24, 16, 8, 0]
              .map(s => Math.floor(start / 2 ** s) % 256)
              .join('.')}/${seed.prefix}`;
            const [a, b] = range(cidr);
            if (
              existing.some(other => {
                const [c, d] = range(other);
                return a < d && c < b;
              })
            )
              continue;
            existing.push(cidr);
          }
          const zones = ['a', 'b', 'c', 'd']
            .slice(0, azCount)
            .map(z => `us-east-1${z}`);
          const attempt = () =>
            planEndpointSubnets({
              vpcCidr,
              existingSubnets: existing,
              availabilityZones: zones,
              endpointCount,
            });
          let proposals: ReturnType<typeof planEndpointSubnets> = [];
          let failure: unknown;
          try {
            proposals = attempt();
          } catch (error) {
            failure = error;
          }
          // Either a full answer, or the one error that says the VPC is full.
          expect(
            failure === undefined ||
              (failure instanceof InputError &&
                /has room for only \d+ free/.test(failure.message)),
          ).toBe(true);
          if (failure) {
            return;
          }
          expect(proposals.map(p => p.availabilityZone)).toEqual(zones);
          const taken = existing.map(range);
          for (const proposal of proposals) {
            const [start, end] = range(proposal.cidr);
            expect(start).toBeGreaterThanOrEqual(vpcStart);
            expect(end).toBeLessThanOrEqual(vpcEnd);
            expect(start % (end - start)).toBe(0);
            expect(proposal.usableAddresses).toBe(end - start - 5);
            expect(proposal.usableAddresses).toBeGreaterThanOrEqual(
              endpointCount,
            );
            for (const [c, d] of taken) {
              expect(start < d && c < end).toBe(false);
            }
            taken.push([start, end]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
