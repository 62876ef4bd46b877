export { createPlanAction } from './plan';
export { createTerraformAction } from './terraform';
