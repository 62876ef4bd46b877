import type {
  StatusCallError,
  StatusErrorKind,
} from '@private-fargate/plugin-private-fargate-common';

/** A failed EC2 call, already put into words the card can show. */
export class Ec2CallFailure extends Error {
  readonly callError: StatusCallError;

  constructor(operation: string, kind: StatusErrorKind, message: string) {
    super(message);
    this.name = 'Ec2CallFailure';
    this.callError = { operation, kind, message };
  }
}

const THROTTLING_CODES = new Set([
  'requestlimitexceeded',
  'throttling',
  'throttlingexception',
  'toomanyrequestsexception',
]);

const ACCESS_DENIED_CODES = new Set([
  'unauthorizedoperation',
  'accessdenied',
  'accessdeniedexception',
  'authfailure',
  'invalidclienttokenid',
  'unrecognizedclientexception',
  'signaturedoesnotmatch',
  'credentialsprovidererror',
]);

const EXPIRED_CREDENTIALS_CODES = new Set([
  'expiredtoken',
  'expiredtokenexception',
]);

const CLOCK_SKEW_CODES = new Set(['requestexpired', 'requesttimetooskewed']);

const REGION_NOT_ENABLED_CODES = new Set(['optinrequired']);

const TIMEOUT_CODES = new Set([
  'timeouterror',
  'aborterror',
  'requesttimeout',
  'etimedout',
]);

function codeOf(error: unknown): string {
  const candidate = error as { name?: unknown; code?: unknown; Code?: unknown };
  const code = [candidate.Code, candidate.code, candidate.name].find(
    value => typeof value === 'string' && value !== 'Error',
  );
  return typeof code === 'string' ? code : '';
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata
    ?.httpStatusCode;
}

function looksMalformed(error: unknown, code: string): boolean {
  const message = String((error as { message?: unknown }).message ?? '');
  return (
    code === 'SyntaxError' ||
    /deserializ|xml|unexpected (end|token|close)|non-whitespace|invalid character|parse/i.test(
      message,
    )
  );
}

/** Turns whatever the SDK threw into an {@link Ec2CallFailure} with a message that says what to do. */
export function classifyEc2Error(
  error: unknown,
  context: { operation: string; accountId: string; region: string },
): Ec2CallFailure {
  if (error instanceof Ec2CallFailure) {
    return error;
  }
  const { operation, accountId, region } = context;
  const code = codeOf(error);
  const lowerCode = code.toLocaleLowerCase('en-US');
  // The SDK appends a hint about hidden fields that means nothing to a reader of the card.
  const detail = String(
    (error as { message?: unknown }).message ?? error,
  ).split('\n')[0];
  const where = `account ${accountId}, ${region}`;

  if (THROTTLING_CODES.has(lowerCode)) {
    return new Ec2CallFailure(
      operation,
      'throttled',
      `EC2 throttled ${operation} in ${where} (${code}). The last snapshot is shown; the next refresh tries again. If this persists, raise privateFargate.status.cacheTtl.`,
    );
  }
  if (EXPIRED_CREDENTIALS_CODES.has(lowerCode)) {
    return new Ec2CallFailure(
      operation,
      'credentials-expired',
      `The AWS credentials the backend used for ${operation} in ${where} have expired (${code}). If aws.accounts gives this account static keys with a session token, replace them; with a roleName or the backend's own role (ECS task role, instance profile) the SDK renews them, so check that the backend's environment does not pin old AWS_SESSION_TOKEN credentials. AWS said: ${detail}`,
    );
  }
  if (CLOCK_SKEW_CODES.has(lowerCode) || /signature expired/i.test(detail)) {
    return new Ec2CallFailure(
      operation,
      'clock-skew',
      `AWS rejected ${operation} in ${where} as expired (${code}): the backend host's clock is more than 15 minutes off AWS time, or its temporary credentials expired. Synchronise the host's clock (NTP) and check the credentials. AWS said: ${detail}`,
    );
  }
  if (REGION_NOT_ENABLED_CODES.has(lowerCode)) {
    return new Ec2CallFailure(
      operation,
      'region-not-enabled',
      `Account ${accountId} cannot use EC2 in ${region} (${code}): the Region is usually an opt-in Region that is not enabled for the account. Enable ${region} in the account's settings (AWS Regions), or correct the entity's private-fargate/aws-region annotation. AWS said: ${detail}`,
    );
  }
  // The role is assumed lazily by the SDK, so STS's refusal surfaces from the EC2 call.
  if (ACCESS_DENIED_CODES.has(lowerCode) && /sts:AssumeRole/i.test(detail)) {
    return new Ec2CallFailure(
      operation,
      'assume-role-denied',
      `The backend could not assume its role in account ${accountId} (${code} on sts:AssumeRole), so ${operation} in ${region} was not called. Check that the role's trust policy lets the backend's principal assume it and that roleName and externalId under aws.accounts match the role (see the private-fargate-backend README). AWS said: ${detail}`,
    );
  }
  if (ACCESS_DENIED_CODES.has(lowerCode)) {
    return new Ec2CallFailure(
      operation,
      'access-denied',
      `Access denied to ec2:${operation} in ${where} (${code}). Give the backend's role the read-only policy from the plugin README. AWS said: ${detail}`,
    );
  }
  if (TIMEOUT_CODES.has(lowerCode) || /timed? ?out/i.test(detail)) {
    return new Ec2CallFailure(
      operation,
      'timeout',
      `${operation} in ${where} did not answer in time. Check network access to EC2 or raise privateFargate.aws.timeout.`,
    );
  }
  if (/\.notfound$/i.test(code)) {
    return new Ec2CallFailure(
      operation,
      'not-found',
      `${operation} in ${where}: AWS does not know the resource named on the entity (${code}). Check the entity's private-fargate/ annotations.`,
    );
  }
  if (looksMalformed(error, code)) {
    return new Ec2CallFailure(
      operation,
      'malformed-response',
      `EC2 sent an answer to ${operation} in ${where} that could not be read: ${detail}`,
    );
  }
  const status = httpStatusOf(error);
  return new Ec2CallFailure(
    operation,
    'unknown',
    `${operation} in ${where} failed${status ? ` with HTTP ${status}` : ''}${
      code ? ` (${code})` : ''
    }: ${detail}`,
  );
}
