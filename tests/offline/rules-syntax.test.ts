// Both rules files must parse with a real rules-language parser, so a syntax error fails the
// offline tier even where the emulators cannot run. Deliberately broken copies prove the parser
// is really checking (and reports where).
import { describe, expect, it } from 'vitest';
import { parseRules, readRootFile, type RulesSyntaxError } from '../rules/parser.js';

const FILES = ['firestore.rules', 'storage.rules'] as const;

function syntaxErrorOf(source: string): RulesSyntaxError | undefined {
  try {
    parseRules(source);
    return undefined;
  } catch (err) {
    return err as RulesSyntaxError;
  }
}

describe.each(FILES)('%s', (file) => {
  const source = readRootFile(file);

  it('parses, with rules_version 2 and one service', () => {
    const ast = parseRules(source);
    const content = ast.content as { type: string; version?: string; head?: string[] }[];
    expect(content.find((n) => n.type === 'version')?.version).toBe('2');
    const services = content.filter((n) => n.type === 'service');
    expect(services).toHaveLength(1);
    expect(services[0]?.head?.[1]).toBe(file === 'firestore.rules' ? 'cloud.firestore' : 'firebase.storage');
  });

  it('rejects a copy with a missing closing brace, reporting the position', () => {
    const broken = source.replace(/}\s*$/, '');
    const err = syntaxErrorOf(broken);
    expect(err).toBeDefined();
    expect(err?.location.start.line).toBeGreaterThan(10);
  });

  it('rejects a copy with an unknown allow method at that line', () => {
    const lines = source.split('\n');
    const index = lines.findIndex((l) => l.includes('allow get'));
    expect(index).toBeGreaterThan(0);
    lines[index] = lines[index]!.replace('allow get', 'allow fetch');
    const err = syntaxErrorOf(lines.join('\n'));
    expect(err?.location.start.line).toBe(index + 1);
  });

  it('rejects a copy with a dangling operator in a condition', () => {
    const broken = source.replace(/isOwner\(uid\);/, 'isOwner(uid) &&;');
    expect(broken).not.toBe(source);
    expect(syntaxErrorOf(broken)?.message).toMatch(/Expected/);
  });
});
