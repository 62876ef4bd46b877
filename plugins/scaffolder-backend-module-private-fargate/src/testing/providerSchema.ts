import fixture from './aws-provider-schema.json';

/** Arguments and nested blocks of one resource, data source or block. */
export interface SchemaBlock {
  arguments: Record<string, { required: boolean }>;
  blocks: Record<string, SchemaBlock & { required: boolean }>;
}

/** The slice of the AWS provider 6.x schema in aws-provider-schema.json. */
export interface ProviderSchema {
  source: string;
  providerVersion: string;
  resources: Record<string, SchemaBlock>;
  dataSources: Record<string, SchemaBlock>;
}

/** The committed fixture, written by scripts/extract-aws-schema.mjs. */
export const awsProviderSchema: ProviderSchema = fixture as ProviderSchema;
