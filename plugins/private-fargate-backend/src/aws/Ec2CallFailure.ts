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
  'expiredtoken',
  'credentialsprovidererror',
]);

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
