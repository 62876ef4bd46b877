import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

type StateSeverity = 'ok' | 'pending' | 'warning' | 'aborted' | 'error';

// EC2 answers states in lower camel case (`pendingAcceptance`) while the SDK's
// enum constants are capitalised (`PendingAcceptance`), so keys are lower case.
const SEVERITY_BY_STATE: Record<string, StateSeverity> = {
  available: 'ok',
  pending: 'pending',
  pendingacceptance: 'pending',
  modifying: 'pending',
  partial: 'warning',
  deleting: 'warning',
  deleted: 'aborted',
  rejected: 'aborted',
  expired: 'aborted',
  failed: 'error',
  missing: 'error',
};

const STATUS_COMPONENT = {
  ok: StatusOK,
  pending: StatusPending,
  warning: StatusWarning,
  aborted: StatusAborted,
  error: StatusError,
};

/** Lower-case key of an EC2 state, for comparing states whatever their casing. */
export function stateKey(state: string): string {
  return state.toLocaleLowerCase('en-US');
}

const LABEL_BY_STATE: Record<string, string> = {
  pendingacceptance: 'Pending acceptance',
  missing: 'Missing',
  unknown: 'Not read from AWS',
};

/** `pendingAcceptance` (or `pendingacceptance`) → `Pending acceptance`. */
export function stateLabel(state: string): string {
  const known = LABEL_BY_STATE[stateKey(state)];
  if (known) {
    return known;
  }
  const words = state
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLocaleLowerCase('en-US');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/** Shows an EC2 endpoint, endpoint service or connection state with the status colour that fits it. */
export function EndpointStateStatus(props: { state: string }) {
  const severity = SEVERITY_BY_STATE[stateKey(props.state)] ?? 'warning';
  const Status = STATUS_COMPONENT[severity];
  return <Status>{stateLabel(props.state)}</Status>;
}
