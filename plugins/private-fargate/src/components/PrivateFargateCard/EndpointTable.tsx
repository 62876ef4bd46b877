import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { EndpointStatus } from '@private-fargate/plugin-private-fargate-common';
import { EndpointStateStatus } from './EndpointStateStatus';

const NOT_READ = 'unknown';
const MISSING = 'missing';

function DeclarationChip({ endpoint }: { endpoint: EndpointStatus }) {
  if (!endpoint.declared) {
    return null;
  }
  if (endpoint.state === NOT_READ) {
    return <Chip size="small" variant="outlined" label="Declared" />;
  }
  if (endpoint.state === MISSING || !endpoint.present) {
    return (
      <Chip size="small" color="secondary" label="Declared, missing in VPC" />
    );
  }
  if (endpoint.problem) {
    return (
      <Chip size="small" color="secondary" label="Declared, not working" />
    );
  }
  return null;
}

function ServiceCell({ endpoint }: { endpoint: EndpointStatus }) {
  // A consumer endpoint AWS does not list has only the ID the entity declared.
  const name = endpoint.service || endpoint.endpointId || 'Unknown service';
  return (
    <Box>
      <Typography variant="body2">
        <strong>{name}</strong>
      </Typography>
      {endpoint.serviceName && endpoint.serviceName !== name && (
        <Typography variant="caption" color="textSecondary" component="div">
          {endpoint.serviceName}
        </Typography>
      )}
      <DeclarationChip endpoint={endpoint} />
      {!endpoint.declared && endpoint.present && (
        <Chip size="small" variant="outlined" label="Not declared" />
      )}
    </Box>
  );
}

function StateCell({ endpoint }: { endpoint: EndpointStatus }) {
  return (
    <Box>
      <EndpointStateStatus state={endpoint.state} />
      {endpoint.lastError && (
        <Typography variant="caption" color="error" component="div">
          {endpoint.lastError}
        </Typography>
      )}
      {endpoint.problem && (
        <Typography
          variant="caption"
          color={endpoint.declared ? 'error' : 'textSecondary'}
          component="div"
        >
          {`This endpoint ${endpoint.problem}.`}
        </Typography>
      )}
    </Box>
  );
}

function privateDnsText(endpoint: EndpointStatus): string {
  if (endpoint.type !== 'Interface' || !endpoint.present) {
    return '—';
  }
  return endpoint.privateDnsEnabled ? 'Enabled' : 'Disabled';
}

const columns: TableColumn<EndpointStatus>[] = [
  {
    title: 'Service',
    field: 'service',
    render: endpoint => <ServiceCell endpoint={endpoint} />,
  },
  {
    title: 'Type',
    field: 'type',
    render: endpoint => (endpoint.type === 'Unknown' ? '—' : endpoint.type),
  },
  {
    title: 'State',
    field: 'state',
    render: endpoint => <StateCell endpoint={endpoint} />,
  },
  {
    title: 'AZs',
    field: 'availabilityZones',
    render: endpoint => endpoint.availabilityZones.join(', ') || '—',
  },
  {
    title: 'Private DNS',
    field: 'privateDnsEnabled',
    render: privateDnsText,
  },
];

/** The VPC endpoints of one entity: what AWS has, next to what the entity declares. */
export function EndpointTable(props: {
  title: string;
  endpoints: EndpointStatus[];
  emptyMessage: string;
}) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      <Table<EndpointStatus>
        columns={columns}
        // material-table writes bookkeeping into the row objects it is given.
        data={props.endpoints.map(endpoint => ({ ...endpoint }))}
        options={{
          search: false,
          paging: false,
          toolbar: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">{props.emptyMessage}</Typography>
          </Box>
        }
      />
    </Box>
  );
}
