import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  CostEstimate,
  describePlanReason,
  formatUsd,
  unpricedRegionNote,
} from '@private-fargate/plugin-private-fargate-common';
import { planFromFormData, PlanPreviewOptions } from './planFromFormData';

/** The heading the preview always shows; the browser test looks for it. */
export const PLAN_PREVIEW_HEADING = 'Planned VPC endpoints';

/**
 * Shows, while the form is being filled, the VPC endpoints the service will
 * get and why, and their monthly cost next to a NAT gateway design. It reads
 * the other answers from the form and stores nothing itself.
 */
export function PlanPreviewField(
  props: FieldExtensionComponentProps<unknown, PlanPreviewOptions>,
) {
  const { formContext, uiSchema, schema } = props;
  const options = (uiSchema?.['ui:options'] ?? {}) as PlanPreviewOptions;
  const formData = (formContext?.formData ?? {}) as Record<string, unknown>;
  const preview = planFromFormData(formData, options);

  return (
    <Box mt={2} mb={2} data-testid="private-fargate-plan-preview">
      <Typography variant="h6" component="h3">
        {schema?.title ?? PLAN_PREVIEW_HEADING}
      </Typography>
      {preview.status !== 'ready' ? (
        <Typography
          variant="body2"
          color={preview.status === 'invalid' ? 'error' : 'textSecondary'}
        >
          {preview.message}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary">
            {preview.plan.endpoints.length} endpoints in{' '}
            {preview.plan.requirements.region}, interface endpoints in{' '}
            {preview.availabilityZones} Availability Zones.
            {preview.sharedEndpoints &&
              ' Those the shared endpoint stack already has are not created again.'}
          </Typography>
          <Table size="small" aria-label="Planned VPC endpoints">
            <TableHead>
              <TableRow>
                <TableCell>Endpoint</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Why</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.plan.endpoints.map(endpoint => (
                <TableRow key={endpoint.service}>
                  <TableCell>
                    <code>{endpoint.service}</code>
                  </TableCell>
                  <TableCell>{endpoint.type}</TableCell>
                  <TableCell>
                    {endpoint.reasons.map(describePlanReason).join('; ')}{' '}
                    <Link href={endpoint.docUrl} target="_blank" rel="noopener">
                      AWS docs
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box mt={1}>
            <Typography variant="subtitle2" component="h4">
              Monthly cost
            </Typography>
            {preview.cost ? (
              <MonthlyCostTable cost={preview.cost} />
            ) : (
              <Typography variant="body2" color="textSecondary">
                {unpricedRegionNote(preview.plan.requirements.region)}
              </Typography>
            )}
          </Box>
          {preview.problems.map(problem => (
            <Typography key={problem} variant="body2" color="error">
              {problem}
            </Typography>
          ))}
          {preview.plan.warnings.map(warning => (
            <Typography key={warning.code} variant="body2" color="error">
              {warning.message}
            </Typography>
          ))}
        </>
      )}
    </Box>
  );
}

function MonthlyCostTable({ cost }: { cost: CostEstimate }) {
  return (
    <Table size="small" aria-label="Monthly cost">
      <TableBody>
        <TableRow>
          <TableCell>Endpoints only (this design)</TableCell>
          <TableCell align="right">
            {formatUsd(cost.endpointsOnly.total)}
          </TableCell>
        </TableRow>
        <TableRow>
          <TableCell>NAT gateways instead</TableCell>
          <TableCell align="right">{formatUsd(cost.natOnly.total)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>NAT gateways and endpoints</TableCell>
          <TableCell align="right">
            {formatUsd(cost.natPlusEndpoints.total)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
