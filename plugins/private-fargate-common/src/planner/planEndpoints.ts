import {
  catalogueIndex,
  endpointServiceName,
  EndpointServiceSuffix,
  EndpointType,
  getEndpointDefinition,
} from '../catalogue';
import { parseOrThrow } from '../errors';
import { buildS3GatewayPolicy, IamPolicyDocument } from '../s3Policy';
import type { PlanReason } from './reasons';
import {
  PlanRequirements,
  PlanRequirementsInput,
  planRequirementsSchema,
} from './requirements';
import { findEndpointNeeds } from './rules';
import { findPlanWarnings, PlanWarning } from './warnings';

/** One endpoint of a plan. @public */
export interface PlannedEndpoint {
  service: EndpointServiceSuffix;
  /** `com.amazonaws.<region>.<suffix>` */
  serviceName: string;
  type: EndpointType;
  /** Always true for interface endpoints (ECR needs it [S1]); absent for gateways. */
  privateDnsEnabled?: boolean;
  policySupported: boolean;
  /** The endpoint policy to attach; set for the S3 gateway endpoint. */
  policy?: IamPolicyDocument;
  /** Why it is needed, as reason codes, in rule order (see describePlanReason). */
  reasons: PlanReason[];
  docUrl: string;
}

/** The planner's answer. @public */
export interface EndpointPlan {
  requirements: PlanRequirements;
  endpoints: PlannedEndpoint[];
  warnings: PlanWarning[];
}

/**
 * Plans the VPC endpoints a service needs: minimal (only what a requirement needs), ordered by
 * the catalogue, each with the reasons behind it. Throws `InputError` naming bad fields.
 *
 * @public
 */
export function planEndpoints(input: PlanRequirementsInput): EndpointPlan {
  const requirements = parseOrThrow(
    planRequirementsSchema,
    input,
    'plan requirements',
  );
  const needs = findEndpointNeeds(requirements);

  const reasonsByService = new Map<EndpointServiceSuffix, PlanReason[]>();
  for (const { service, reason } of needs) {
    const reasons = reasonsByService.get(service) ?? [];
    if (!reasons.includes(reason)) {
      reasons.push(reason);
    }
    reasonsByService.set(service, reasons);
  }

  const endpoints = [...reasonsByService.keys()]
    .sort((a, b) => catalogueIndex(a) - catalogueIndex(b))
    .map((service): PlannedEndpoint => {
      const definition = getEndpointDefinition(service);
      const interfaceEndpoint = definition.type === 'Interface';
      const endpoint: PlannedEndpoint = {
        service,
        serviceName: endpointServiceName(requirements.region, service),
        type: definition.type,
        // [S1] ecr.dkr must have private DNS; the others need it so SDKs resolve the usual
        // hostnames to the endpoint ENIs [S17].
        ...(interfaceEndpoint ? { privateDnsEnabled: true } : {}),
        policySupported: definition.policySupported,
        ...(service === 's3'
          ? {
              policy: buildS3GatewayPolicy({
                region: requirements.region,
                execLogBucket:
                  requirements.exec.sessionLogs === 's3'
                    ? requirements.execLogBucket
                    : undefined,
                applicationBuckets: requirements.applicationBuckets,
              }),
            }
          : {}),
        reasons: reasonsByService.get(service)!,
        docUrl: definition.docUrl,
      };
      return endpoint;
    });

  return {
    requirements,
    endpoints,
    warnings: findPlanWarnings(requirements, needs),
  };
}

/** The interface endpoints of a plan, the ones that bill per AZ-hour. @public */
export function interfaceEndpointsOf(plan: EndpointPlan): PlannedEndpoint[] {
  return plan.endpoints.filter(endpoint => endpoint.type === 'Interface');
}
