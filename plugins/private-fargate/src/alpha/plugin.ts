import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { privateFargateApi } from './apis';
import { privateFargateEntityCard } from './entityCard';

/** The Private Fargate plugin for the new frontend system. @alpha */
export const privateFargatePlugin = createFrontendPlugin({
  pluginId: 'private-fargate',
  extensions: [privateFargateApi, privateFargateEntityCard],
});
