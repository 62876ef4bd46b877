import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@private-fargate/plugin-scaffolder-backend-module-private-fargate'),
);

// The app's user-settings storage listens for changes through signals.
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Private Fargate: wired in as each plugin lands.
backend.add(import('@private-fargate/plugin-private-fargate-backend'));

backend.start();
