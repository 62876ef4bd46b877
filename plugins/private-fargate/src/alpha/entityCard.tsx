import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isPrivateFargateAvailable } from '@private-fargate/plugin-private-fargate-common';

/** Entity card "VPC endpoints and PrivateLink", shown only on entities with the Private Fargate annotations. @alpha */
export const privateFargateEntityCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    filter: isPrivateFargateAvailable,
    loader: () =>
      import('../components/PrivateFargateCard').then(m => (
        <m.PrivateFargateCard />
      )),
  },
});
