export { createPlanAction } from './plan';
export { createTerraformAction } from './terraform';
export { createRecordAction } from './record';
export { createUpgradeAction } from './upgrade';
export { createProviderFetchAction } from './provider';
