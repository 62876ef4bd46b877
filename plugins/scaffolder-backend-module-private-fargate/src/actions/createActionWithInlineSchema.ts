import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';

// The scaffolder checks an action's input against its JSON Schema before the handler runs, and
// reports a failed value check in the validator's words: `instance.network.vpcId does not match
// pattern "^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$"`. The handlers parse the same input with zod, whose
// messages name the field and say what a good value looks like, so the schema the scaffolder
// sees keeps the shape (types, enums, required and unknown fields) and leaves values to zod.
// /create/actions shows none of these keywords.
const VALUE_CHECKS = [
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
];

// Keywords whose value is a subschema, or a list of them, that can hold value checks too.
const SUBSCHEMAS = ['items', 'additionalProperties', 'anyOf', 'allOf', 'oneOf'];

function withoutValueChecks(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutValueChecks);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !VALUE_CHECKS.includes(keyword))
      .map(([keyword, value]) => {
        if (keyword === 'properties') {
          return [
            keyword,
            Object.fromEntries(
              Object.entries(value as object).map(([name, property]) => [
                name,
                withoutValueChecks(property),
              ]),
            ),
          ];
        }
        return [
          keyword,
          SUBSCHEMAS.includes(keyword) ? withoutValueChecks(value) : value,
        ];
      }),
  );
}

type InputSchema =
  | Record<string, (zod: typeof z) => z.ZodTypeAny>
  | ((zod: typeof z) => z.ZodTypeAny);

/**
 * `createTemplateAction`, with the input's JSON Schema written out in full and without value
 * checks (see VALUE_CHECKS: the handler's zod parse makes them). The scaffolder
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
      input: withoutValueChecks(
        zodToJsonSchema(zodInput, { $refStrategy: 'none' }),
      ),
    },
  };
}) as typeof createTemplateAction;
