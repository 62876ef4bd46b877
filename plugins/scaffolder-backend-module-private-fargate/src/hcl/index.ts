export { block, nested, renderFile, withComment } from './document';
export type { HclBlock, HclBodyInput, HclFileItem } from './document';
export {
  call,
  conditional,
  escapeString,
  HclExpression,
  HclObject,
  obj,
  raw,
  ref,
  renderValue,
  template,
} from './values';
export type { HclValue } from './values';
