import {
  getEndpointDefinition,
  isKnownEndpointService,
} from '@private-fargate/plugin-private-fargate-common';
import type { VpcEndpointRecord } from '../aws/snapshots';
import { isWorkingState } from '../aws/states';

/**
 * Why an AWS-service endpoint does not serve `service` to tasks in `entityRegion`, in words that
 * follow its ID ("vpce-0abc is in state failed"); undefined when it does.
 */
export function endpointProblem(
  record: VpcEndpointRecord,
  endpointFor: { region: string; service: string },
  entityRegion: string,
): string | undefined {
  const { region, service } = endpointFor;
  const problems: string[] = [];
  if (!isWorkingState(record.state)) {
    problems.push(
      `is in state ${record.state}; only available, pending, pendingAcceptance and modifying endpoints count`,
    );
  }
  if (region !== entityRegion) {
    problems.push(
      `serves ${region}, not the entity's Region ${entityRegion}; tasks in ${entityRegion} do not use it`,
    );
  }
  const expected = isKnownEndpointService(service)
    ? getEndpointDefinition(service).type
    : undefined;
  if (expected && record.type !== expected) {
    problems.push(
      `is a ${record.type} endpoint, but ${service} is planned as a ${expected} endpoint`,
    );
  }
  // Fargate tasks and the AWS SDKs call the public service names; only private DNS sends them to the endpoint.
  if (
    expected === 'Interface' &&
    record.type === 'Interface' &&
    record.privateDnsEnabled === false
  ) {
    problems.push(
      `has private DNS off, so tasks resolve the public ${service} name and bypass it; turn private DNS on for the endpoint`,
    );
  }
  return problems.length > 0 ? problems.join('; it also ') : undefined;
}
