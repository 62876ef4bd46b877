import type {
  EndpointConnectionStatus,
  EndpointKind,
  StatusCallError,
} from '@private-fargate/plugin-private-fargate-common';

/** One VPC endpoint as EC2 reported it, reduced to what the card shows. */
export type VpcEndpointRecord = {
  endpointId: string;
  serviceName: string;
  type: EndpointKind;
  state: string;
  subnetIds: string[];
  availabilityZones: string[];
  privateDnsEnabled?: boolean;
  dnsNames: string[];
  lastError?: string;
};

/** Every endpoint of one (account, Region, VPC). */
export type VpcEndpointsSnapshot = {
  endpoints: VpcEndpointRecord[];
};

/** One PrivateLink endpoint service with its connections and permissions, as far as they could be read. */
export type EndpointServiceSnapshot = {
  serviceId: string;
  serviceName?: string;
  state: string;
  acceptanceRequired: boolean;
  /** Absent when `DescribeVpcEndpointServicePermissions` failed. */
  allowedPrincipalsCount?: number;
  /** Absent when `DescribeVpcEndpointConnections` failed. */
  connections?: EndpointConnectionStatus[];
  /** The calls that failed while the configuration was read. */
  errors: StatusCallError[];
};

/** Where a snapshot lives in AWS. */
export type VpcTarget = { accountId: string; region: string; vpcId: string };

/** Where an endpoint service lives in AWS. */
export type EndpointServiceTarget = {
  accountId: string;
  region: string;
  serviceId: string;
};
