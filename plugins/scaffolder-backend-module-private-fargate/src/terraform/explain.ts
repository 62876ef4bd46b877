import {
  describePlanReason,
  getEndpointDefinition,
  PlannedEndpoint,
} from '@private-fargate/plugin-private-fargate-common';

/** Why an endpoint exists, in words: the catalogue's reason and the requirements behind it. */
export function explainEndpoint(endpoint: PlannedEndpoint): string {
  const needs = endpoint.reasons.map(describePlanReason).join(', ');
  return `${
    getEndpointDefinition(endpoint.service).reason
  } Needed for: ${needs}.`;
}
