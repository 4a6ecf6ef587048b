// The rules-language parser of prettier-plugin-firestore-rules (a PEG grammar). Its Prettier
// printer does not run under Prettier 3, but its parser does and reports errors with
// positions, which lets the offline tier catch rules syntax errors without the emulators.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface RulesNode {
  type: string;
  path?: string;
  scopes?: string[];
  content?: RulesNode[] | unknown;
  [key: string]: unknown;
}

export interface RulesSyntaxError extends Error {
  location: { start: { line: number; column: number } };
}

const require = createRequire(import.meta.url);
const parser = require('prettier-plugin-firestore-rules/out/parser/parser.js') as {
  parse(text: string): RulesNode;
};

/** Parses rules source; throws a RulesSyntaxError (with `location`) when it is not valid. */
export function parseRules(source: string): RulesNode {
  return parser.parse(source);
}

/** Reads a file at the repository root. */
export function readRootFile(name: string): string {
  return readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
}

export interface AllowStatement {
  /** Full match path of the enclosing blocks, e.g. `/databases/{database}/documents/users/{uid}`. */
  path: string;
  scopes: string[];
  /** True when the condition is the literal `false`. */
  alwaysFalse: boolean;
  /** Names of the functions the condition calls, at any depth. */
  calls: string[];
  /** Operators joining the condition's top-level terms (`&&`, `||`). */
  joins: string[];
}

function children(node: RulesNode): RulesNode[] {
  return Array.isArray(node.content) ? (node.content as RulesNode[]) : [];
}

/** Every `match` path (full, nested) in the tree. */
export function matchPaths(root: RulesNode, prefix = ''): string[] {
  return children(root).flatMap((node) =>
    node.type === 'match'
      ? [prefix + node.path, ...matchPaths(node, prefix + node.path)]
      : matchPaths(node, prefix),
  );
}

function callsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(callsIn);
  if (value === null || typeof value !== 'object') return [];
  const node = value as RulesNode;
  const own = node.type === 'function-call' && typeof node.name === 'string' ? [node.name] : [];
  return [...own, ...Object.values(node).flatMap(callsIn)];
}

/** Every `allow` statement with its full path. */
export function allowStatements(root: RulesNode, prefix = ''): AllowStatement[] {
  return children(root).flatMap((node) => {
    if (node.type === 'match') return allowStatements(node, prefix + node.path);
    if (node.type !== 'allow') return allowStatements(node, prefix);
    const condition = children(node);
    const only = condition[0];
    const alwaysFalse = condition.length === 1 && only?.type === 'text' && only.text === 'false';
    const joins = condition.flatMap((c) => (c.type === 'connection' ? [String(c.operator)] : []));
    return [{ path: prefix, scopes: node.scopes ?? [], alwaysFalse, calls: callsIn(condition), joins }];
  });
}
