import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import type {
  PrivateFargateStatus,
  StatusErrorKind,
} from '@private-fargate/plugin-private-fargate-common';

const ERROR_TITLES: Record<StatusErrorKind, string> = {
  throttled: 'AWS throttled the request',
  'access-denied': 'Access denied by AWS',
  timeout: 'AWS did not answer in time',
  'malformed-response': 'AWS sent an answer that could not be read',
  'account-not-configured': 'AWS account not configured in Backstage',
  'not-found': 'Not found in AWS',
  'credentials-expired': 'AWS credentials expired',
  'clock-skew': 'AWS rejected the request as expired',
  'region-not-enabled': 'Region not enabled for the account',
  'assume-role-denied': 'The backend could not assume its AWS role',
  unknown: 'AWS call failed',
};

/**
 * Banners for a stale snapshot, for every AWS call that failed and for every hint, each saying what
 * went wrong and what to do.
 */
export function StatusBanners(props: { status: PrivateFargateStatus }) {
  const { stale, errors, fetchedAt, hints } = props.status;
  return (
    <>
      {stale && (
        <Box mb={1}>
          <WarningPanel
            title="Showing older data: the last refresh from AWS failed"
            message={`${
              fetchedAt
                ? `This snapshot was taken at ${new Date(
                    fetchedAt,
                  ).toLocaleString()}. `
                : ''
            }The card shows it until AWS answers again.`}
            defaultExpanded
          />
        </Box>
      )}
      {errors.map(error => (
        <Box mb={1} key={`${error.operation}:${error.kind}:${error.message}`}>
          <WarningPanel
            severity="error"
            title={`${ERROR_TITLES[error.kind] ?? ERROR_TITLES.unknown} (${
              error.operation
            })`}
            message={error.message}
            defaultExpanded
          />
        </Box>
      ))}
      {hints.map(hint => (
        <Box mb={1} key={hint}>
          <WarningPanel
            severity="info"
            title="Worth checking"
            message={hint}
            defaultExpanded
          />
        </Box>
      ))}
    </>
  );
}
