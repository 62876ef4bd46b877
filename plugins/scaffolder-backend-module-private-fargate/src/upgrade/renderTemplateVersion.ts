import { InputError } from '@backstage/errors';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  applyDefaults,
  DryRunFailedError,
  DryRunResult,
  formatProblems,
  validateValues,
  Values,
} from '../dryRun';
import { RenderedTemplate } from './renderer';

/**
 * What every renderer does once it holds a template at a version: fill in the
 * defaults the form would, check the recorded values against the parameter
 * schemas, and dry-run it. Values the template refuses become an InputError
 * that says how to give new ones.
 */
export async function renderTemplateVersion(options: {
  template: TemplateEntityV1beta3;
  version: string;
  values: Values;
  /** Where the user gives values, e.g. "with --set". */
  newValuesHint: string;
  /** The template's CHANGELOG.md, passed on to the upgrade summary. */
  changelog?: string;
  dryRun(values: Values): Promise<DryRunResult>;
}): Promise<RenderedTemplate> {
  const label = `${options.template.metadata.name}@${options.version}`;
  const values = applyDefaults(options.template, options.values);
  const problems = validateValues(options.template, values);
  if (problems.length > 0) {
    throw new InputError(
      `the recorded values do not fit ${label}; give the new ones ${
        options.newValuesHint
      }:\n${formatProblems(problems)}`,
    );
  }
  try {
    const result = await options.dryRun(values);
    return {
      version: options.version,
      files: result.files,
      changelog: options.changelog,
    };
  } catch (error) {
    if (error instanceof DryRunFailedError && error.status === 400) {
      throw new InputError(`${label} refused the values: ${error.message}`);
    }
    throw error;
  }
}
