import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  EndpointConnectionStatus,
  EndpointServiceStatus,
} from '@private-fargate/plugin-private-fargate-common';
import {
  EndpointStateStatus,
  stateKey,
  stateLabel,
} from './EndpointStateStatus';

const PENDING_ACCEPTANCE = 'pendingacceptance';
const NOT_READ = 'Not read (see the error above)';

const connectionColumns: TableColumn<EndpointConnectionStatus>[] = [
  {
    title: 'Consumer account',
    field: 'consumerAccountId',
    render: connection => connection.consumerAccountId ?? 'Unknown',
  },
  { title: 'Endpoint', field: 'endpointId' },
  {
    title: 'State',
    field: 'state',
    render: connection => <EndpointStateStatus state={connection.state} />,
  },
  {
    title: 'Created',
    field: 'createdAt',
    render: connection =>
      connection.createdAt
        ? new Date(connection.createdAt).toLocaleString()
        : '—',
  },
];

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Box mr={4} mb={1}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

function PendingAcceptanceNotice(props: {
  connections: EndpointConnectionStatus[];
}) {
  const waiting = props.connections.filter(
    c => stateKey(c.state) === PENDING_ACCEPTANCE,
  );
  if (waiting.length === 0) {
    return null;
  }
  const accounts = waiting.map(c => c.consumerAccountId ?? c.endpointId);
  return (
    <Box my={1}>
      <Typography variant="body2" color="secondary">
        {waiting.length === 1
          ? '1 connection is waiting for acceptance'
          : `${waiting.length} connections are waiting for acceptance`}
        {`: ${accounts.join(
          ', ',
        )}. Accept or reject them on the endpoint service.`}
      </Typography>
    </Box>
  );
}

function Connections(props: {
  connections: EndpointConnectionStatus[];
  counts: [string, number][];
}) {
  const { connections, counts } = props;
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        my={1}
        role="group"
        aria-label="Connections by state"
      >
        <Box mr={1}>
          <Typography variant="caption" color="textSecondary">
            Connections by state:
          </Typography>
        </Box>
        <Box display="flex" flexWrap="wrap">
          {counts.length === 0 ? (
            <Typography variant="body2">
              No consumer is connected yet.
            </Typography>
          ) : (
            counts.map(([state, count]) => (
              <Box key={state} mr={1}>
                <Chip
                  size="small"
                  color={state === PENDING_ACCEPTANCE ? 'secondary' : 'default'}
                  label={`${stateLabel(state)}: ${count}`}
                />
              </Box>
            ))
          )}
        </Box>
      </Box>
      <PendingAcceptanceNotice connections={connections} />
      {connections.length > 0 && (
        <Table<EndpointConnectionStatus>
          columns={connectionColumns}
          data={connections.map(connection => ({ ...connection }))}
          options={{
            search: false,
            paging: false,
            toolbar: false,
            padding: 'dense',
          }}
        />
      )}
    </>
  );
}

/** The provider side of PrivateLink: the endpoint service and who is connected to it. */
export function PrivateLinkSection(props: { service: EndpointServiceStatus }) {
  const { service } = props;
  return (
    <Box mt={3}>
      <Typography variant="subtitle1" component="h3">
        PrivateLink service
      </Typography>
      <Box display="flex" flexWrap="wrap" mt={1}>
        <Fact label="Service ID">{service.serviceId}</Fact>
        <Fact label="State">
          <EndpointStateStatus state={service.state} />
        </Fact>
        <Fact label="Acceptance">
          {service.acceptanceRequired ? 'Required' : 'Automatic'}
        </Fact>
        <Fact label="Allowed principals">
          {service.allowedPrincipalsCount ?? NOT_READ}
        </Fact>
      </Box>
      {service.serviceName && (
        <Typography variant="caption" color="textSecondary" component="div">
          {service.serviceName}
        </Typography>
      )}
      {service.connections ? (
        <Connections
          connections={service.connections}
          counts={Object.entries(service.connectionCountsByState ?? {}).filter(
            ([, count]) => count > 0,
          )}
        />
      ) : (
        <Box my={1}>
          <Typography variant="body2">Connections: {NOT_READ}</Typography>
        </Box>
      )}
    </Box>
  );
}
