/**
 * Indents and aligns rendered HCL exactly as `terraform fmt` (hclwrite) does, so generated
 * files need no formatter at run time (the WebAssembly one costs milliseconds per file).
 *
 * The input is the renderer's output: one construct per line, no indentation, and the spacing
 * within each line already canonical. hclwrite then changes only two things, both line by line:
 * - indentation: two spaces per enclosing line that opened more brackets than it closed;
 * - alignment: the `=` of consecutive lines holding a whole `name = value` are aligned.
 * The tests compare this with the real formatter.
 */

/** What hclwrite sees in one line: its bracket balance and its first `=`. */
interface LineShape {
  /** Brackets opened minus closed, template interpolations included. */
  brackets: number;
  /** Index of the first `=` token, or -1. */
  equalsAt: number;
  /** Brackets opened minus closed before that `=`. */
  bracketsBeforeEquals: number;
}

const NOT_BEFORE_ASSIGN = new Set(['=', '!', '<', '>']);
// The characters that matter in code and inside a quoted string; the scanner skips the rest.
const CODE_SIGNIFICANT = /["#/{}[\]()=]/g;
const STRING_SIGNIFICANT = /["\\$%]/g;

function isAssignment(line: string, at: number): boolean {
  return (
    at > 0 &&
    !NOT_BEFORE_ASSIGN.has(line[at - 1]) &&
    line[at + 1] !== '=' &&
    line[at + 1] !== '>'
  );
}

/**
 * Scans one line the way hclwrite tokenizes it: quoted strings (with `${ }` interpolations,
 * which count as brackets) hide their content, and a comment ends the line.
 */
function scanLine(line: string): LineShape {
  const shape: LineShape = {
    brackets: 0,
    equalsAt: -1,
    bracketsBeforeEquals: 0,
  };
  // What the scanner is inside of: '"' a string, '$' an interpolation, '{' a brace.
  const nesting: string[] = [];
  for (let i = 0; ; i++) {
    const inString = nesting[nesting.length - 1] === '"';
    const significant = inString ? STRING_SIGNIFICANT : CODE_SIGNIFICANT;
    significant.lastIndex = i;
    if (!significant.test(line)) return shape;
    i = significant.lastIndex - 1;
    const ch = line[i];
    const next = line[i + 1];
    if (inString) {
      if (ch === '\\' || ((ch === '$' || ch === '%') && next === ch)) {
        i++; // an escape: the next character is literal
      } else if (ch === '"') {
        nesting.pop();
      } else if (next === '{') {
        nesting.push('$');
        shape.brackets++;
        i++;
      }
    } else if (ch === '"') {
      nesting.push('"');
    } else if (ch === '#' || (ch === '/' && next === '/')) {
      return shape;
    } else if (ch === '{') {
      nesting.push('{');
      shape.brackets++;
    } else if (ch === '}') {
      nesting.pop();
      shape.brackets--;
    } else if (ch === '[' || ch === '(') {
      shape.brackets++;
    } else if (ch === ']' || ch === ')') {
      shape.brackets--;
    } else if (ch === '=' && shape.equalsAt === -1 && isAssignment(line, i)) {
      shape.equalsAt = i;
      shape.bracketsBeforeEquals = shape.brackets;
    }
  }
}

/** A laid-out line; `name` is set when the line is a whole `name = value` to align. */
interface PlacedLine {
  indent: number;
  text: string;
  name?: string;
  /** `= value`, set together with `name`. */
  assignment?: string;
}

/** Indents like hclwrite: a stack of the bracket counts of the lines that opened a level. */
function placeLines(lines: string[]): PlacedLine[] {
  const openers: number[] = [];
  return lines.map(text => {
    if (text === '') return { indent: 0, text };
    const shape = scanLine(text);
    let indent = openers.length;
    if (shape.brackets > 0) {
      openers.push(shape.brackets);
    } else if (shape.brackets < 0) {
      let closed = -shape.brackets;
      while (closed > 0 && openers.length > 0) {
        const top = openers[openers.length - 1];
        if (closed < top) {
          openers[openers.length - 1] = top - closed;
          closed = 0;
        } else {
          openers.pop();
          closed -= top;
        }
      }
      indent = openers.length;
    }
    const wholeValue =
      shape.equalsAt > 0 && shape.brackets === shape.bracketsBeforeEquals;
    if (!wholeValue) return { indent, text };
    return {
      indent,
      text,
      name: text.slice(0, shape.equalsAt).trimEnd(),
      assignment: text.slice(shape.equalsAt),
    };
  });
}

const PRINTABLE_ASCII = /^[ -~]*$/;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Where hclwrite's scanner ends a token inside a quoted string: after `$` and `%`, and after
// the escapes `$${` and `%%{`.
const TOKEN_END_IN_STRING = /(?<=[$%])|(?<=[$%]{2}\{)/;

function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * How wide hclwrite takes a name to be: the grapheme clusters of each of its tokens, summed
 * (neither bytes nor display width). Only quoted object keys can hold non-ASCII text; their
 * quotes are tokens of their own.
 */
function columns(name: string): number {
  if (PRINTABLE_ASCII.test(name)) return name.length;
  if (!name.startsWith('"')) return countGraphemes(name);
  return name
    .slice(1, -1)
    .split(TOKEN_END_IN_STRING)
    .reduce((sum, token) => sum + countGraphemes(token), 2);
}

/** Lays out `text` (lines separated by `\n`) as `terraform fmt` would. */
export function layoutLikeTerraformFmt(text: string): string {
  const placed = placeLines(text.split('\n'));
  const out: string[] = new Array(placed.length);
  let chainStart = 0;
  while (chainStart < placed.length) {
    const line = placed[chainStart];
    if (line.name === undefined) {
      out[chainStart] = `${'  '.repeat(line.indent)}${line.text}`;
      chainStart++;
      continue;
    }
    let chainEnd = chainStart;
    let widest = 0;
    while (chainEnd < placed.length && placed[chainEnd].name !== undefined) {
      widest = Math.max(widest, columns(placed[chainEnd].name!));
      chainEnd++;
    }
    for (let i = chainStart; i < chainEnd; i++) {
      const { indent, name, assignment } = placed[i];
      const padding = ' '.repeat(widest - columns(name!) + 1);
      out[i] = `${'  '.repeat(indent)}${name}${padding}${assignment}`;
    }
    chainStart = chainEnd;
  }
  return out.join('\n');
}
