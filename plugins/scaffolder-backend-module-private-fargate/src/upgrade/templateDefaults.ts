type JsonSchemaPage = {
  properties?: Record<string, { default?: unknown }>;
};

/**
 * Fills in, page by page, the top-level defaults the form would show, so a
 * parameter a new template version adds gets its default in an upgrade.
 */
export function applyParameterDefaults(
  parameters: unknown,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const result = structuredClone(values);
  const pages = [parameters ?? []].flat() as JsonSchemaPage[];
  for (const page of pages) {
    for (const [key, property] of Object.entries(page?.properties ?? {})) {
      if (result[key] === undefined && property?.default !== undefined) {
        result[key] = structuredClone(property.default);
      }
    }
  }
  return result;
}
