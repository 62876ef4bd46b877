import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';

type Cost = NonNullable<PrivateFargateStatus['monthlyCost']>;

function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    amount,
  );
}

/** What the present endpoints cost per month, line by line. */
export function MonthlyCost(props: { cost: Cost }) {
  const { cost } = props;
  return (
    <Box mt={3}>
      <Typography variant="subtitle1" component="h3">
        Monthly cost: {formatMoney(cost.total, cost.currency)}
      </Typography>
      {cost.lines.map(line => (
        <Typography key={line.label} variant="body2" color="textSecondary">
          {line.label}: {formatMoney(line.amount, cost.currency)}
        </Typography>
      ))}
    </Box>
  );
}
