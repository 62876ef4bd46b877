import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  formatUsd,
  type PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';

type Cost = NonNullable<PrivateFargateStatus['monthlyCost']>;

/** What the present endpoints cost per month, line by line. */
export function MonthlyCost(props: { cost: Cost }) {
  const { cost } = props;
  return (
    <Box mt={3}>
      <Typography variant="subtitle1" component="h3">
        Monthly cost: {formatUsd(cost.total)}
      </Typography>
      {cost.lines.map(line => (
        <Typography key={line.label} variant="body2" color="textSecondary">
          {line.label}: {formatUsd(line.amount)}
        </Typography>
      ))}
    </Box>
  );
}
