import {
  EndpointPlan,
  estimateMonthlyCostIfPriced,
  formatUsd,
  planEndpoints,
  planEndpointSubnets,
  PlannedEndpoint,
  subnetsByZone,
} from '@private-fargate/plugin-private-fargate-common';
import { HclValue, ref } from '../hcl';
import { TerraformComponent, TerraformRequest } from './request';

/** Something to know before applying: the planner's warnings plus the writer's own. */
export interface TerraformWarning {
  code: string;
  message: string;
}

/** A dedicated endpoint subnet the endpoints module creates. */
export interface EndpointSubnet {
  availabilityZone: string;
  cidr: string;
}

/** Everything the component writers share, worked out once from the request. */
export interface GenerationContext {
  request: TerraformRequest;
  region: string;
  /** The planner's answer for the whole stack (bastion included when selected). */
  plan: EndpointPlan;
  /** Endpoints the endpoints module creates. */
  stackEndpoints: PlannedEndpoint[];
  /** Endpoints only the bastion needs; they exist only while `bastion_enabled` is true. */
  bastionEndpoints: PlannedEndpoint[];
  /** Planned endpoints the VPC already has (input `network.sharedEndpoints`). */
  sharedEndpoints: PlannedEndpoint[];
  /** Planned endpoints the service needs and nothing here creates: the endpoints component is off. */
  assumedEndpoints: PlannedEndpoint[];
  /** One Availability Zone per endpoint subnet, sorted. */
  endpointZones: string[];
  /** Subnets to create for endpoints, when `network.endpointSubnets` asks for them. */
  dedicatedEndpointSubnets?: EndpointSubnet[];
  /** Existing subnets the endpoints use otherwise: the first private subnet of each zone. */
  endpointSubnetIds: string[];
  /** How modules other than `endpoints` refer to the endpoint subnets. */
  endpointSubnetsRef: HclValue;
  warnings: TerraformWarning[];
  has(component: TerraformComponent): boolean;
}

function byService(
  list: PlannedEndpoint[],
  services: Set<string>,
  keep: boolean,
) {
  return list.filter(endpoint => services.has(endpoint.service) === keep);
}

/** Plans endpoints and subnets for a validated request. The planners throw InputError naming the field. */
export function createGenerationContext(
  request: TerraformRequest,
): GenerationContext {
  const has = (component: TerraformComponent) =>
    request.components.includes(component);
  const withBastion = has('bastion') || request.requirements.bastion;
  const plan = planEndpoints({ ...request.requirements, bastion: withBastion });
  const withoutBastionServices = new Set(
    has('bastion')
      ? planEndpoints({
          ...request.requirements,
          bastion: false,
        }).endpoints.map(e => e.service)
      : plan.endpoints.map(e => e.service),
  );
  const shared = new Set<string>(request.network.sharedEndpoints);
  const warnings: TerraformWarning[] = [...plan.warnings];

  const notShared = byService(plan.endpoints, shared, false);
  const sharedEndpoints = byService(plan.endpoints, shared, true);
  const bastionEndpoints = byService(notShared, withoutBastionServices, false);
  const stackCandidates = byService(notShared, withoutBastionServices, true);
  const stackEndpoints = has('endpoints') ? stackCandidates : [];
  // Only the service's tasks use the AWS-service endpoints; without it (a PrivateLink consumer
  // stack, say) nothing here needs them to exist.
  const assumedEndpoints =
    has('endpoints') || !has('service') ? [] : stackCandidates;

  if (sharedEndpoints.length > 0) {
    warnings.push({
      code: 'shared-endpoints-reused',
      message: `Not creating ${sharedEndpoints
        .map(e => e.service)
        .join(
          ', ',
        )}: the VPC already has them, and a second private-DNS endpoint for the same service in one VPC fails.`,
    });
  }
  if (assumedEndpoints.length > 0) {
    warnings.push({
      code: 'endpoints-not-generated',
      message: `The endpoints component is off, so ${assumedEndpoints
        .map(e => e.service)
        .join(', ')} must already exist in the VPC.`,
    });
  }

  const zones = subnetsByZone(request.network.privateSubnets);
  const endpointZones = [...zones.keys()].sort();
  const endpointSubnetIds = endpointZones.map(zone => zones.get(zone)![0]);

  let dedicatedEndpointSubnets: EndpointSubnet[] | undefined;
  if (request.network.endpointSubnets) {
    dedicatedEndpointSubnets = planEndpointSubnets({
      vpcCidr: request.network.vpcCidr,
      existingSubnets: request.network.endpointSubnets.existingSubnetCidrs,
      availabilityZones: endpointZones,
      endpointCount:
        stackEndpoints.filter(e => e.type === 'Interface').length +
        bastionEndpoints.filter(e => e.type === 'Interface').length,
      prefixLength: request.network.endpointSubnets.prefixLength,
    }).map(subnet => ({
      availabilityZone: subnet.availabilityZone,
      cidr: subnet.cidr,
    }));
  } else {
    for (const [zone, ids] of [...zones.entries()].sort()) {
      if (ids.length > 1) {
        warnings.push({
          code: 'one-endpoint-subnet-per-zone',
          message: `An interface endpoint takes one subnet per Availability Zone (DuplicateSubnetsInSameZone); using ${ids[0]} in ${zone}. The other subnets reach the endpoints through the VPC's local route. Set network.endpointSubnets for dedicated endpoint subnets.`,
        });
      }
    }
  }

  if (has('bastion')) {
    warnings.push({
      code: 'bastion-needs-advanced-tier',
      message: `The bastion registers with Systems Manager through an activation, and Session Manager opens sessions to such nodes only when the account is in the advanced-instances tier in ${plan.requirements.region} (otherwise StartSession answers "Enable advanced-instances tier to use Session Manager with your on-premises instances"). The tier is an account-wide setting, billed per advanced node-hour while the bastion runs. Switch it once for the account, or set bastion_manage_advanced_instances_tier = true to let this stack manage it.`,
    });
  }
  if (has('service') && request.requirements.serviceConnect) {
    const monthly = estimateMonthlyCostIfPriced({
      region: plan.requirements.region,
      azs: endpointZones.length,
      interfaceEndpoints: 1,
      gbPerMonth: 0,
    })?.endpointsOnly.lines[0];
    warnings.push({
      code: 'service-connect-not-configured',
      message: `requirements.serviceConnect is true, so the ecs-agent endpoint is planned for Service Connect's Envoy proxy${
        monthly
          ? ` (${formatUsd(monthly.amount)} a month in ${
              endpointZones.length
            } Availability Zone(s))`
          : ''
      }, but this Terraform does not set up Service Connect: aws_ecs_service.service in modules/service/main.tf has no service_connect_configuration, and the endpoint does nothing until it has one. Add a Cloud Map namespace and a service_connect_configuration block there, or set requirements.serviceConnect to false to drop the endpoint.`,
    });
  }
  if (
    has('privatelink-provider') &&
    request.privateLinkProvider?.acceptanceRequired === false
  ) {
    warnings.push({
      code: 'acceptance-not-required',
      message:
        'privateLinkProvider.acceptanceRequired is false: any allowed principal that learns the service name connects without review. Require acceptance in production.',
    });
  }
  if (
    has('privatelink-provider') &&
    (request.privateLinkProvider?.allowedPrincipals ?? []).length === 0
  ) {
    warnings.push({
      code: 'no-allowed-principals',
      message:
        'privateLinkProvider.allowedPrincipals is empty: no other account can create an endpoint until principals are allowed.',
    });
  }
  return {
    request,
    region: plan.requirements.region,
    plan,
    stackEndpoints,
    bastionEndpoints,
    sharedEndpoints,
    assumedEndpoints,
    endpointZones,
    dedicatedEndpointSubnets,
    endpointSubnetIds,
    endpointSubnetsRef: dedicatedEndpointSubnets
      ? ref('module.endpoints.subnet_ids')
      : ref('var.endpoint_subnet_ids'),
    warnings,
    has,
  };
}

/** A Terraform block name for an endpoint suffix: `ecr.api` becomes `ecr_api`. */
export function endpointBlockName(service: string): string {
  return service.replace(/[^a-z0-9]/g, '_');
}

/** An AWS name of at most `max` characters made from the service name and a suffix. */
export function shortName(
  serviceName: string,
  suffix: string,
  max = 32,
): string {
  const room = max - suffix.length - 1;
  return `${serviceName.slice(0, room).replace(/-+$/, '')}-${suffix}`;
}
