import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';

type TemplateInfo = NonNullable<PrivateFargateStatus['template']>;

const UPGRADE_TEMPLATE_PATH =
  '/create/templates/default/private-fargate-upgrade';

/** Says that the repository was generated from an older template, with a link to the upgrade template. */
export function TemplateVersionNotice(props: { template: TemplateInfo }) {
  const { template } = props;
  if (!template.behind) {
    return null;
  }
  return (
    <Box mb={1}>
      <Typography variant="body2">
        Generated from template {template.name} v{template.version}
        {template.latestVersion && `, latest v${template.latestVersion}`}.{' '}
        <Link to={UPGRADE_TEMPLATE_PATH}>Upgrade this service</Link>
      </Typography>
    </Box>
  );
}
