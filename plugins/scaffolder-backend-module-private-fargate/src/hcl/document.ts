import { layoutLikeTerraformFmt } from './layout';
import {
  assertIdentifier,
  escapeString,
  HclValue,
  renderValue,
} from './values';

/** One line inside a block body. */
export type HclBodyItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | { kind: 'block'; block: HclBlock }
  | { kind: 'blank' }
  | { kind: 'comment'; text: string };

/** A block such as `resource "aws_vpc_endpoint" "s3" { ... }`. */
export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBodyItem[];
}

/** Attribute value or nested block, as accepted by {@link block}. */
export type HclBodyInput = Record<
  string,
  HclValue | HclBlock | HclBlock[] | undefined
>;

function isBlock(value: unknown): value is HclBlock {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    'labels' in value &&
    'body' in value
  );
}

/**
 * Builds a block. Attributes keep the given order; `undefined` values are skipped; values that
 * are blocks (or arrays of blocks) become nested blocks named after their key.
 */
export function block(
  type: string,
  labels: string[],
  body: HclBodyInput = {},
): HclBlock {
  assertIdentifier(type);
  const items: HclBodyItem[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (isBlock(value)) {
      items.push({ kind: 'block', block: value });
    } else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every(isBlock)
    ) {
      for (const child of value as HclBlock[])
        items.push({ kind: 'block', block: child });
    } else {
      items.push({
        kind: 'attribute',
        name: assertIdentifier(name),
        value: value as HclValue,
      });
    }
  }
  return { type, labels, body: items };
}

/** A nested block without labels, e.g. `nested('ingress', {...})`. */
export function nested(type: string, body: HclBodyInput = {}): HclBlock {
  return block(type, [], body);
}

/** Adds a `# comment` line at the top of a block's body. */
export function withComment(target: HclBlock, text: string): HclBlock {
  return { ...target, body: [{ kind: 'comment', text }, ...target.body] };
}

const COMMENT_WIDTH = 98;

function wrap(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}

// Control characters (newlines aside) and the Unicode line separators would end or corrupt a comment.
const LINE_BREAKING_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g;

function renderComment(text: string): string {
  return text
    .replace(LINE_BREAKING_OR_CONTROL, ' ')
    .split('\n')
    .flatMap(wrap)
    .map(line => `# ${line}`.trimEnd())
    .join('\n');
}

function renderBlock(target: HclBlock): string {
  const header = [target.type, ...target.labels.map(escapeString)].join(' ');
  if (target.body.length === 0) return `${header} {}`;
  const lines = target.body.map(item => {
    switch (item.kind) {
      case 'attribute':
        return `${item.name} = ${renderValue(item.value)}`;
      case 'block':
        return renderBlock(item.block);
      case 'comment':
        return renderComment(item.text);
      default:
        return '';
    }
  });
  return `${header} {\n${lines.join('\n')}\n}`;
}

/** A top-level item of a file: a block, optionally preceded by a comment. */
export interface HclFileItem {
  comment?: string;
  block: HclBlock;
}

/** Renders blocks as one `.tf` file, formatted exactly as `terraform fmt` would. */
export function renderFile(items: Array<HclBlock | HclFileItem>): string {
  const text = items
    .map(item => {
      const entry = isBlock(item) ? { block: item } : item;
      const rendered = renderBlock(entry.block);
      return entry.comment
        ? `${renderComment(entry.comment)}\n${rendered}`
        : rendered;
    })
    .join('\n\n');
  return `${layoutLikeTerraformFmt(text)}\n`;
}
