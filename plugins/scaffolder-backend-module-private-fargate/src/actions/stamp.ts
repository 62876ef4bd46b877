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
import { resolveWorkspaceFolder } from '../files/workspaceFolder';

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

/** A stamp checked against the workspace and the running template, ready to write. */
export type PreparedStamp = Omit<Stamp, 'template'> & {
  /** The template to record, as written (`<name>@<version>`) and parsed. */
  ref: string;
  template: ScaffoldRecord['template'];
  /** The stamp's folder, resolved inside the workspace. */
  root: string;
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
 * Checks what a stamp names, the template (or the running one) and the folder, before anything
 * is written; InputErrors name the field after `fieldPrefix` (`record.` inside another input).
 */
export function prepareStamp(
  stamp: Stamp,
  ctx: Pick<ActionContext<any, any>, 'templateInfo' | 'workspacePath'>,
  fieldPrefix = '',
): PreparedStamp {
  const templateField = `${fieldPrefix}template`;
  const ref =
    stamp.template ?? templateFromContext(ctx.templateInfo, templateField);
  return {
    ...stamp,
    ref,
    template: parseTemplateRef(ref, templateField),
    root: resolveWorkspaceFolder(
      ctx.workspacePath,
      stamp.targetPath,
      '. or services/orders',
      `${fieldPrefix}targetPath`,
    ),
  };
}

/**
 * Writes `.private-fargate/scaffold.json` in the stamp's folder, hashing every file there, and
 * logs what it recorded. Call it after the last step that writes files.
 */
export async function writeStamp(
  ctx: Pick<ActionContext<any, any>, 'secrets' | 'logger'>,
  stamp: PreparedStamp,
  plan?: Pick<ScaffoldRecord, 'requirements' | 'cost'>,
): Promise<{ path: string; template: string; files: number }> {
  const { values, omitted } = valuesWithoutSecrets(
    stamp.values,
    stamp.omitValues,
    Object.values(ctx.secrets ?? {}),
  );
  const record = await writeScaffoldRecord({
    root: stamp.root,
    record: { template: stamp.template, values, ...plan },
  });
  const recordPath =
    stamp.targetPath === '.'
      ? RECORD_PATH
      : `${stamp.targetPath}/${RECORD_PATH}`;
  ctx.logger.info(
    `Recorded ${record.files.length} generated files of ${
      stamp.ref
    } in ${recordPath}${
      omitted.length ? ` (left out: ${omitted.join(', ')})` : ''
    }`,
  );
  return { path: recordPath, template: stamp.ref, files: record.files.length };
}
