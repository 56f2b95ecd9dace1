import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/neo4j/index.js';

describe('toPlain', () => {
  it('turns safe Integers into numbers and larger ones into exact strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal values into ISO strings, recursively inside lists and maps', () => {
    const date = new neo4j.types.Date(1949, 10, 1);
    expect(toPlain({ when: [date], n: neo4j.int(1) })).toEqual({ when: ['1949-10-01'], n: 1 });
  });

  it('keeps null, booleans, strings and floats', () => {
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(true)).toBe(true);
    expect(toPlain('SIS')).toBe('SIS');
    expect(toPlain(0.5)).toBe(0.5);
  });
});
