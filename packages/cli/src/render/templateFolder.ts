import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  TemplateEntityV1beta3,
  templateEntityV1beta3Validator,
} from '@backstage/plugin-scaffolder-common';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import { UsageError } from '../UsageError';

/** A template read from disk with every file the scaffolder needs next to it. */
export type TemplateFolder = {
  dir: string;
  template: TemplateEntityV1beta3;
  /** Every file under the folder, relative to it, for the dry run's `directoryContents`. */
  files: { path: string; content: Buffer }[];
};

/** The template itself is broken (not YAML, not a Template entity): `render` exits 1. */
export class TemplateInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateInvalidError';
  }
}

/** The repository root: the closest ancestor of this package holding `templates/`. */
export function findRepoRoot(
  start: string = resolvePackagePath('@private-fargate/cli'),
): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (
      fs.existsSync(path.join(dir, 'templates')) &&
      fs.existsSync(path.join(dir, 'package.json'))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Turns `<template name or folder>` into a folder holding `template.yaml`:
 * an existing path wins, otherwise the name is looked up under `templates/`
 * in the working directory and then in this repository.
 */
export function resolveTemplateDir(nameOrFolder: string, cwd: string): string {
  const candidates = [path.resolve(cwd, nameOrFolder)];
  if (/^[a-z0-9][a-z0-9-]*$/.test(nameOrFolder)) {
    candidates.push(path.resolve(cwd, 'templates', nameOrFolder));
    const root = findRepoRoot();
    if (root) candidates.push(path.join(root, 'templates', nameOrFolder));
  }
  for (const candidate of candidates) {
    const dir =
      path.basename(candidate) === 'template.yaml'
        ? path.dirname(candidate)
        : candidate;
    if (fs.existsSync(path.join(dir, 'template.yaml'))) return dir;
  }
  throw new UsageError(
    `no template "${nameOrFolder}": give a template name from templates/ (e.g. private-fargate-service) or a folder that holds a template.yaml`,
  );
}

/** Reads and checks a template folder; throws TemplateInvalidError when template.yaml is broken. */
export async function loadTemplateFolder(dir: string): Promise<TemplateFolder> {
  const file = path.join(dir, 'template.yaml');
  let template: unknown;
  try {
    template = yaml.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateInvalidError(
      `${file} is not valid YAML: ${(error as Error).message}`,
    );
  }
  try {
    if (!(await templateEntityV1beta3Validator.check(template as any))) {
      throw new Error(
        'expected apiVersion scaffolder.backstage.io/v1beta3 and kind Template',
      );
    }
  } catch (error) {
    throw new TemplateInvalidError(
      `${file} is not a valid Template entity: ${(error as Error).message}`,
    );
  }
  // Read as the portal's upgrade renderer and the scaffolder itself read a template folder.
  const files = await serializeDirectoryContents(dir);
  return { dir, template: template as TemplateEntityV1beta3, files };
}
