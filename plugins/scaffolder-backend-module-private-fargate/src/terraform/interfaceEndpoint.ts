import type { PlannedEndpoint } from '@private-fargate/plugin-private-fargate-common';
import { HclFileItem, HclValue, ref } from '../hcl';
import { PRIVATE_DNS_LIFECYCLE, resource, tagsWithName } from './blocks';
import { endpointBlockName } from './context';
import { explainEndpoint } from './explain';

/**
 * An interface endpoint with private DNS, explained, as every module that creates one writes
 * it: the stack's endpoints and those only the bastion needs. The module must hold VPC_LOOKUP
 * for its precondition.
 */
export function interfaceEndpoint(
  endpoint: PlannedEndpoint,
  options: {
    /** The Name tag's prefix, before the service with dots as dashes. */
    namePrefix: string;
    subnetIds: HclValue;
    securityGroupId: HclValue;
    count?: HclValue;
  },
): HclFileItem {
  return {
    comment: explainEndpoint(endpoint),
    block: resource('aws_vpc_endpoint', endpointBlockName(endpoint.service), {
      count: options.count,
      vpc_id: ref('var.vpc_id'),
      service_name: endpoint.serviceName,
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: true,
      subnet_ids: options.subnetIds,
      security_group_ids: [options.securityGroupId],
      tags: tagsWithName(
        `${options.namePrefix}-${endpoint.service.replace(/\./g, '-')}`,
      ),
      lifecycle: PRIVATE_DNS_LIFECYCLE,
    }),
  };
}
