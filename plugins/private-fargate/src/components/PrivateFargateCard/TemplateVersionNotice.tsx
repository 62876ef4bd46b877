import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';

type TemplateInfo = NonNullable<PrivateFargateStatus['template']>;

const UPGRADE_TEMPLATE_PATH =
  '/create/templates/default/private-fargate-upgrade';

/**
 * The upgrade template's form with its `entity` parameter (an EntityPicker) filled in:
 * the scaffolder reads initial form data from the `formData` query parameter as JSON.
 */
export function upgradeTemplateLink(entityRef: string): string {
  const formData = JSON.stringify({ entity: entityRef });
  return `${UPGRADE_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}

/**
 * Says that the repository was generated from an older template, with a link to the upgrade
 * template for this entity; or, when the latest version is unknown, why.
 */
export function TemplateVersionNotice(props: {
  template: TemplateInfo;
  entityRef: string;
}) {
  const { template, entityRef } = props;
  if (template.behind) {
    return (
      <Box mb={1}>
        <Typography variant="body2">
          Generated from template {template.name} v{template.version}
          {template.latestVersion &&
            `, latest v${template.latestVersion}`}.{' '}
          <Link to={upgradeTemplateLink(entityRef)}>Upgrade this service</Link>
        </Typography>
      </Box>
    );
  }
  if (!template.latestVersion && template.reason) {
    return (
      <Box mb={1}>
        <Typography variant="body2" color="textSecondary">
          Generated from template {template.name} v{template.version}.{' '}
          {template.reason}
        </Typography>
      </Box>
    );
  }
  return null;
}
