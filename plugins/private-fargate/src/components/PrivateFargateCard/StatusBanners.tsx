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
  unknown: 'AWS call failed',
};

/** Banners for a stale snapshot and for every AWS call that failed, each saying what went wrong. */
export function StatusBanners(props: { status: PrivateFargateStatus }) {
  const { stale, errors, fetchedAt } = props.status;
  return (
    <>
      {stale && (
        <Box mb={1}>
          <WarningPanel
            title="Showing older data: the last refresh from AWS failed"
            message={`This snapshot was taken at ${new Date(
              fetchedAt,
            ).toLocaleString()}. The card shows it until AWS answers again.`}
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
    </>
  );
}
