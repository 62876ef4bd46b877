import {
  ContainerSecret,
  CostEstimate,
  EndpointPlan,
  estimateMonthlyCostIfPriced,
  isSupportedRegion,
  PlanRequirementsInput,
  planEndpoints,
  SECRET_SOURCES,
  SecretSource,
  secretSourcesOf,
  secretsInOtherRegions,
  secretsNeedingNewerPlatform,
  subnetsByZone,
  subnetsSharingZones,
  ZonedSubnet,
} from '@private-fargate/plugin-private-fargate-common';

/** What the preview shows: the plan and its cost, or why there is none yet. */
export type PlanPreview =
  | { status: 'waiting'; message: string }
  | { status: 'invalid'; message: string }
  | {
      status: 'ready';
      plan: EndpointPlan;
      /** Undefined where the Region has no prices. */
      cost: CostEstimate | undefined;
      availabilityZones: number;
      sharedEndpoints: boolean;
      /** Answers the template's steps will refuse, said now so they can be fixed here. */
      problems: string[];
    };

/** Options a template can set on the field under `ui:options`. */
export type PlanPreviewOptions = {
  /** GB a month through the endpoints, for the data-processing line (default 10). */
  trafficGbPerMonth?: number;
  /** Requirements the template fixes, e.g. `{ bastion: true }` in the bastion template. */
  requirements?: Partial<PlanRequirementsInput>;
};

type FormData = Record<string, unknown>;

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

// The container's secrets typed so far, as the service form asks for them.
function containerSecretsOf(formData: FormData): ContainerSecret[] {
  return (Array.isArray(formData.secrets) ? formData.secrets : []).map(s => ({
    name: String((s as { name?: unknown })?.name ?? ''),
    valueFrom: String((s as { valueFrom?: unknown })?.valueFrom ?? ''),
  }));
}

// The form asks for secrets as ARNs (service template) or as sources (baseline template).
function secretSources(formData: FormData): SecretSource[] {
  const explicit = stringList(formData.secretSources);
  if (explicit.length > 0) {
    return SECRET_SOURCES.filter(source => explicit.includes(source));
  }
  return secretSourcesOf(containerSecretsOf(formData).map(s => s.valueFrom));
}

// The subnets typed so far whose zone is filled in.
function zonedSubnetsOf(formData: FormData): ZonedSubnet[] {
  return (Array.isArray(formData.privateSubnets) ? formData.privateSubnets : [])
    .filter(
      (s): s is { id?: unknown; availabilityZone: string } =>
        typeof s?.availabilityZone === 'string' && s.availabilityZone !== '',
    )
    .map(s => ({
      id: String(s.id ?? ''),
      availabilityZone: s.availabilityZone,
    }));
}

// The same checks the template's steps make (one subnet per zone; secrets in the service's
// Region, as endpoints are Regional), so the form says so before the run fails.
function problemsOf(
  formData: FormData,
  region: string,
  subnets: ZonedSubnet[],
): string[] {
  const sharedZones = subnetsSharingZones(subnets).map(
    message => `Subnets ${message}.`,
  );
  const secrets = containerSecretsOf(formData);
  const platformVersion =
    typeof formData.platformVersion === 'string'
      ? formData.platformVersion
      : 'LATEST';
  const secretProblems = [
    ...secretsNeedingNewerPlatform(platformVersion, secrets),
    ...secretsInOtherRegions(region, secrets),
  ].map(({ index, message }) => `Secret ${secrets[index].name} ${message}.`);
  return [...sharedZones, ...secretProblems];
}

/**
 * Plans the endpoints and prices them from the values typed so far, with the
 * same library the scaffolder action uses, so the preview and the generated
 * Terraform cannot disagree.
 */
export function planFromFormData(
  formData: FormData,
  options: PlanPreviewOptions = {},
): PlanPreview {
  const region = formData.region;
  if (typeof region !== 'string' || !isSupportedRegion(region)) {
    return {
      status: 'waiting',
      message:
        'Choose the AWS Region on the network page to see which endpoints the service needs.',
    };
  }
  const zoned = zonedSubnetsOf(formData);
  const typed = Array.isArray(formData.privateSubnets)
    ? formData.privateSubnets.length
    : 0;
  // Endpoints go one per zone: count zones once they are typed, subnets until then.
  const zones = zoned.length > 0 ? subnetsByZone(zoned).size : typed;
  const availabilityZones = Math.min(Math.max(zones, 2), 6);
  const requirements: PlanRequirementsInput = {
    region,
    ...(typeof formData.platformVersion === 'string'
      ? {
          platformVersion:
            formData.platformVersion as PlanRequirementsInput['platformVersion'],
        }
      : {}),
    ...(typeof formData.logging === 'string'
      ? { logging: formData.logging as PlanRequirementsInput['logging'] }
      : {}),
    exec: { enabled: formData.execEnabled === true },
    secrets: secretSources(formData),
    awsServices: stringList(
      formData.awsServices,
    ) as PlanRequirementsInput['awsServices'],
    applicationBuckets: stringList(formData.applicationBuckets),
    ...options.requirements,
  };
  try {
    const plan = planEndpoints(requirements);
    const cost = estimateMonthlyCostIfPriced({
      region,
      azs: availabilityZones,
      interfaceEndpoints: plan.endpoints.filter(e => e.type === 'Interface')
        .length,
      gbPerMonth: options.trafficGbPerMonth ?? 10,
    });
    return {
      status: 'ready',
      plan,
      cost,
      availabilityZones,
      sharedEndpoints: formData.endpointMode === 'shared',
      problems: problemsOf(formData, region, zoned),
    };
  } catch (error) {
    return { status: 'invalid', message: (error as Error).message };
  }
}
