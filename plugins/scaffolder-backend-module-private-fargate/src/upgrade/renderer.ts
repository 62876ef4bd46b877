import { TreeFile } from './files';

/** What to render: a template by name, at a version, with values. */
export type RenderRequest = {
  templateName: string;
  /** Absent: the template's current version. */
  targetVersion?: string;
  values: Record<string, unknown>;
};

/**
 * A template's whole output (all steps, dry run), the version that produced it, and the
 * changelog the template keeps beside it, if any.
 */
export type RenderedTemplate = {
  version: string;
  files: TreeFile[];
  changelog?: string;
};

/**
 * Renders a template through the scaffolder; the portal and the command line
 * each bring their own. Throws InputError for an unknown template or version.
 */
export interface TemplateRenderer {
  render(request: RenderRequest): Promise<RenderedTemplate>;
}
