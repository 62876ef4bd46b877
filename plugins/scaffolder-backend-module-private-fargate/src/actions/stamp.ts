import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import {
  valuesWithoutSecrets,
  writeScaffoldRecord,
} from '../upgrade/buildRecord';
import { RECORD_PATH, ScaffoldRecord } from '../upgrade/record';
import {
  parseTemplateRef,
  TEMPLATE_VERSION_ANNOTATION,
} from '../upgrade/version';

/**
 * What both `private-fargate:record` and the `record` input of `private-fargate:terraform` take
 * to stamp a generated tree: where it is, the values to keep, and the template that made it.
 */
export const stampShape = {
  values: z
    .record(z.unknown())
    .describe('The template values to record, usually ${{ parameters }}'),
  template: z
    .string()
    .optional()
    .describe(
      `<name>@<version>; defaults to the template's name and its ${TEMPLATE_VERSION_ANNOTATION} annotation`,
    ),
  targetPath: z
    .string()
    .default('.')
    .describe(
      'Folder of the workspace the template generated; the record goes inside it',
    ),
  omitValues: z
    .array(z.string())
    .default([])
    .describe(
      'Value names never to record (secrets); values equal to a run secret are left out too',
    ),
};

export type Stamp = z.output<z.ZodObject<typeof stampShape>>;

/** The template to record, as written (`ref`) and parsed. */
export type StampedTemplate = {
  ref: string;
  template: ScaffoldRecord['template'];
};

function templateFromContext(templateInfo: any, field: string): string {
  const metadata = templateInfo?.entity?.metadata;
  const version = metadata?.annotations?.[TEMPLATE_VERSION_ANNOTATION];
  if (!metadata?.name || !version) {
    throw new InputError(
      `${field}: give <name>@<version>, or add the annotation ${TEMPLATE_VERSION_ANNOTATION}: <version> to the template's metadata`,
    );
  }
  return `${metadata.name}@${version}`;
}

/**
 * The template a stamp names, or the running template; read before anything is written, with
 * an InputError naming `field` (the stamp's `template`) when there is none.
 */
export function stampedTemplate(
  stamp: Pick<Stamp, 'template'>,
  ctx: Pick<ActionContext<any, any>, 'templateInfo'>,
  field: string,
): StampedTemplate {
  const ref = stamp.template ?? templateFromContext(ctx.templateInfo, field);
  return { ref, template: parseTemplateRef(ref, field) };
}

/**
 * Writes `.private-fargate/scaffold.json` under the stamp's folder, hashing every file there, and
 * logs what it recorded. Call it after the last step that writes files.
 */
export async function writeStamp(
  ctx: Pick<ActionContext<any, any>, 'workspacePath' | 'secrets' | 'logger'>,
  stamp: Stamp,
  options: {
    template: StampedTemplate;
    plan?: Pick<ScaffoldRecord, 'requirements' | 'cost'>;
  },
): Promise<{ path: string; template: string; files: number }> {
  const { values, omitted } = valuesWithoutSecrets(
    stamp.values,
    stamp.omitValues,
    Object.values(ctx.secrets ?? {}),
  );
  const record = await writeScaffoldRecord({
    workspacePath: ctx.workspacePath,
    targetPath: stamp.targetPath,
    record: { template: options.template.template, values, ...options.plan },
  });
  const recordPath =
    stamp.targetPath === '.'
      ? RECORD_PATH
      : `${stamp.targetPath}/${RECORD_PATH}`;
  ctx.logger.info(
    `Recorded ${record.files.length} generated files of ${
      options.template.ref
    } in ${recordPath}${
      omitted.length ? ` (left out: ${omitted.join(', ')})` : ''
    }`,
  );
  return {
    path: recordPath,
    template: options.template.ref,
    files: record.files.length,
  };
}
