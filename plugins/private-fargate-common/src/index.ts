/**
 * Browser-safe core of Private Fargate.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './status';
