import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';

type InputSchema =
  | Record<string, (zod: typeof z) => z.ZodTypeAny>
  | ((zod: typeof z) => z.ZodTypeAny);

/**
 * `createTemplateAction`, with the input's JSON Schema written out in full. The scaffolder
 * converts zod with `$ref`s wherever one zod schema is used twice (the common package shares
 * its CIDR, port and bucket schemas), and a `$ref` hides the second field's type from
 * /create/actions and points its description at the first field's.
 */
export const createActionWithInlineSchema = ((options: any) => {
  const action = createTemplateAction(options);
  const input: InputSchema | undefined = options.schema?.input;
  if (!input) return action;
  const zodInput =
    typeof input === 'function'
      ? input(z)
      : z.object(
          Object.fromEntries(
            Object.entries(input).map(([key, field]) => [key, field(z)]),
          ),
        );
  return {
    ...action,
    schema: {
      ...action.schema,
      input: zodToJsonSchema(zodInput, { $refStrategy: 'none' }),
    },
  };
}) as typeof createTemplateAction;
