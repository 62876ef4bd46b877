import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import type { StatusService } from './services/StatusService';

const entityParamsSchema = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

/** The plugin's HTTP routes, mounted under `/api/private-fargate`. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  statusService: StatusService;
}): Promise<express.Router> {
  const { httpAuth, statusService } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/entities/:namespace/:kind/:name/status', async (req, res) => {
    const parsed = entityParamsSchema.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        'The entity reference in the path must be /v1/entities/<namespace>/<kind>/<name>/status',
      );
    }
    // Service principals are allowed too: the catalog still decides what they may see.
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const status = await statusService.getStatus({
      entityRef: parsed.data,
      credentials,
    });
    res.json(status);
  });

  return router;
}
