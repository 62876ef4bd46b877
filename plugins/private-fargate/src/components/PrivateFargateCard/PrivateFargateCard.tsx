import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  type InfoCardVariants,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  missingPrivateFargateAnnotations,
  privateFargateStatusReadPermission,
  type PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';
import { privateFargateApiRef } from '../../api';
import { EndpointTable } from './EndpointTable';
import { endpointRows } from './endpointRows';
import { MonthlyCost } from './MonthlyCost';
import { PrivateLinkSection } from './PrivateLinkSection';
import { StatusBanners } from './StatusBanners';
import { TemplateVersionNotice } from './TemplateVersionNotice';

const TITLE = 'VPC endpoints and PrivateLink';
// The card does not know the backend's cache TTL, so it promises only what a click does.
const REFRESH_TOOLTIP =
  'Reload the cached status from the backend (it reads AWS at most once per cache TTL)';

/** A 403 from the status route: the permission policy refused `private-fargate.status.read`. */
function isNotAllowed(error: Error): boolean {
  return (
    (error as { statusCode?: number }).statusCode === 403 ||
    error.name === 'NotAllowedError'
  );
}

function NotAllowedPanel() {
  return (
    <WarningPanel
      severity="info"
      title={`You don't have permission to see the live AWS status of this entity (${privateFargateStatusReadPermission.name})`}
      message="The portal's permission policy decides who may see it; ask the team that runs Backstage if you need access."
      defaultExpanded
    />
  );
}

/** Props of {@link PrivateFargateCard}. @public */
export interface PrivateFargateCardProps {
  variant?: InfoCardVariants;
}

function StatusBody(props: {
  status: PrivateFargateStatus;
  entityRef: string;
}) {
  const { status, entityRef } = props;
  return (
    <>
      {status.template && (
        <TemplateVersionNotice
          template={status.template}
          entityRef={entityRef}
        />
      )}
      <StatusBanners status={status} />
      <EndpointTable
        title="Endpoints"
        endpoints={endpointRows(status)}
        emptyMessage={
          status.vpcEndpointsRead
            ? `No VPC endpoints in ${status.vpcId}, and the entity declares none.`
            : `The endpoints of ${status.vpcId} could not be read from AWS, and the entity declares none.`
        }
      />
      {status.endpointService && (
        <PrivateLinkSection service={status.endpointService} />
      )}
      {status.consumerEndpoints && status.consumerEndpoints.length > 0 && (
        <EndpointTable
          title="PrivateLink consumer endpoints"
          endpoints={status.consumerEndpoints}
          emptyMessage="No consumer endpoints."
        />
      )}
      {status.monthlyCost && <MonthlyCost cost={status.monthlyCost} />}
      {status.fetchedAt && (
        <Box mt={2}>
          <Typography variant="caption" color="textSecondary">
            Fetched{' '}
            <time dateTime={status.fetchedAt}>
              {new Date(status.fetchedAt).toLocaleString()}
            </time>
          </Typography>
        </Box>
      )}
    </>
  );
}

function Subheader(props: { status?: PrivateFargateStatus }) {
  const { status } = props;
  if (!status) {
    return null;
  }
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Box mr={1}>
        {`Account ${status.accountId} · ${status.region} · ${status.vpcId}`}
      </Box>
      {status.source === 'demo' && (
        <Tooltip title="Read from the local demo EC2 server, not from AWS">
          <Chip size="small" color="primary" label="Demo data" />
        </Tooltip>
      )}
    </Box>
  );
}

function StatusCard(props: PrivateFargateCardProps) {
  const { entity } = useEntity();
  const api = useApi(privateFargateApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const fetchStatus = useCallback(
    () => api.getStatus(entityRef),
    // The compound ref is rebuilt on every render; its parts are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef.namespace, entityRef.kind, entityRef.name],
  );
  const { value, loading, error, retry } = useAsyncRetry(fetchStatus, [
    fetchStatus,
  ]);

  const refresh = (
    <Tooltip title={REFRESH_TOOLTIP}>
      {/* A disabled button fires no events, so the tooltip needs a wrapper to hang on. */}
      <span>
        <IconButton aria-label="Refresh" onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      </span>
    </Tooltip>
  );

  let body: JSX.Element;
  if (error) {
    body = isNotAllowed(error) ? (
      <NotAllowedPanel />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  } else if (!value) {
    body = <Progress aria-label="Loading the VPC endpoint status" />;
  } else {
    body = <StatusBody status={value} entityRef={stringifyEntityRef(entity)} />;
  }

  return (
    <InfoCard
      title={TITLE}
      subheader={<Subheader status={error ? undefined : value} />}
      action={refresh}
      variant={props.variant}
    >
      {body}
    </InfoCard>
  );
}

/**
 * Shows, for the current catalog entity, its VPC endpoints and PrivateLink
 * service as the backend last read them from AWS, next to what was declared.
 *
 * @public
 */
export function PrivateFargateCard(props: PrivateFargateCardProps) {
  const { entity } = useEntity();
  const missing = missingPrivateFargateAnnotations(entity);
  if (missing.length > 0) {
    return (
      <InfoCard title={TITLE} variant={props.variant}>
        <MissingAnnotationEmptyState annotation={missing} />
      </InfoCard>
    );
  }
  return <StatusCard variant={props.variant} />;
}
