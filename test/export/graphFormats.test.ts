import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toGEXF, toGraphML } from '../../src/export/index.js';
import type { GraphRecord } from '../../src/paths/index.js';

const graph: GraphRecord = {
  nodes: [
    {
      id: 'kim-philby',
      label: 'Officer',
      name: 'Kim Philby',
      properties: { name: 'Kim Philby', role: 'agent', hops: 0, onPath: true },
    },
    {
      id: 'sis-cia',
      label: 'LiaisonChannel',
      name: 'SIS-CIA <liaison> & "friends"',
      properties: { name: 'SIS-CIA', hops: 1, exposure: 0.5, from: '1949', to: '1951-07' },
    },
  ],
  edges: [
    {
      id: 'kim-philby/POSTED_TO/sis-cia',
      source: 'kim-philby',
      target: 'sis-cia',
      kind: 'POSTED_TO',
      properties: { onPath: true, from: '1949', to: '1951' },
    },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** Well-formedness check; the validator is deprecated upstream in favour of a separate package but still ships. */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
const wellFormed = (xml: string): boolean => XMLValidator.validate(xml) === true;

describe('graph downloads', () => {
  it('write well-formed GraphML with declared keys, escaped text and directed edges', () => {
    const xml = toGraphML(graph);
    expect(wellFormed(xml)).toBe(true);
    expect(wellFormed('<a><b></a>')).toBe(false);
    const doc = parser.parse(xml) as {
      graphml: {
        key: { id: string; 'attr.type': string }[];
        graph: {
          node: { id: string; data: { key: string; '#text': string | number }[] }[];
          edge: { source: string; target: string };
        };
      };
    };
    expect(doc.graphml.key.find((k) => k.id === 'n_hops')?.['attr.type']).toBe('double');
    const channel = doc.graphml.graph.node.find((n) => n.id === 'sis-cia');
    expect(channel?.data.find((d) => d.key === 'n_name')?.['#text']).toBe(
      'SIS-CIA <liaison> & "friends"',
    );
    expect(doc.graphml.graph.edge).toMatchObject({ source: 'kim-philby', target: 'sis-cia' });
  });

  it('write dynamic GEXF with start/end widened to whole days from partial dates', () => {
    const xml = toGEXF(graph);
    expect(wellFormed(xml)).toBe(true);
    const doc = parser.parse(xml) as {
      gexf: {
        graph: {
          mode: string;
          nodes: { node: { id: string; start?: string; end?: string }[] };
          edges: { edge: { start: string; end: string } };
        };
      };
    };
    expect(doc.gexf.graph.mode).toBe('dynamic');
    expect(doc.gexf.graph.nodes.node.find((n) => n.id === 'sis-cia')).toMatchObject({
      start: '1949-01-01',
      end: '1951-07-31',
    });
    expect(doc.gexf.graph.nodes.node.find((n) => n.id === 'kim-philby')?.start).toBeUndefined();
    expect(doc.gexf.graph.edges.edge).toMatchObject({ start: '1949-01-01', end: '1951-12-31' });
  });
});
