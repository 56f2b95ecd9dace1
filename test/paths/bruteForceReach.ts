import { firstDay, lastDay } from '../../src/model/index.js';
import type { RandomGraph } from './randomGraph.js';

/**
 * docs/path-semantics.md read literally: enumerate every path from the agent with at most
 * `maxHops` channels, no pruning, then pick per element the fewest hops, the best score, the
 * fewest nodes, the smaller node ids, the earlier and longer window. Independent of src/paths.
 */
export interface Answer {
  readonly hops: number;
  readonly exposure: number;
  readonly nodes: readonly string[];
  readonly from: string;
  readonly to: string;
}

export interface BruteOptions {
  readonly direction: 'INBOUND' | 'OUTBOUND';
  readonly maxHops: number;
  readonly respect: boolean;
  readonly disciplines: readonly string[];
  readonly minConfidence: 'CONFIRMED' | 'SUSPECTED';
  readonly during?: { from?: string; to?: string };
}

type Span = { from: string; to: string };
const span = (from?: string, to?: string): Span => ({
  from: from ? firstDay(from) : '0000-01-01',
  to: to ? lastDay(to) : '9999-12-31',
});
const meet = (...spans: Span[]): Span | undefined => {
  const from = spans.map((s) => s.from).reduce((a, b) => (a > b ? a : b));
  const to = spans.map((s) => s.to).reduce((a, b) => (a < b ? a : b));
  return from <= to ? { from, to } : undefined;
};
const SHARING: Record<string, number> = { RAW: 1, FINISHED: 0.75, SELECTIVE: 0.5, MINIMAL: 0.25 };

function better(a: Answer, b: Answer): boolean {
  if (a.hops !== b.hops) return a.hops < b.hops;
  if (a.exposure !== b.exposure) return a.exposure > b.exposure;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length < b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] ?? '';
    const y = b.nodes[i] ?? '';
    if (x !== y) return x < y;
  }
  if (a.from !== b.from) return a.from < b.from;
  return a.to > b.to;
}

export function bruteForceReach(g: RandomGraph, o: BruteOptions) {
  const channels = new Map<string, Answer>();
  const services = new Map<string, Answer>();
  const operations = new Map<string, Answer>();
  const offer = (into: Map<string, Answer>, id: string, answer: Answer) => {
    const current = into.get(id);
    if (!current || better(answer, current)) into.set(id, answer);
  };
  const serviceSpan = new Map(g.services.map((s) => [s.id, span(s.from, s.to)]));
  const exposeOps = (
    node: string,
    kind: 'service' | 'channel',
    at: Span,
    hops: number,
    score: number,
    nodes: string[],
  ) => {
    for (const op of g.operations) {
      const via = kind === 'service' ? op.conductedBy.includes(node) : op.through.includes(node);
      if (!via) continue;
      const j = meet(at, span(op.from, op.to));
      if (j) offer(operations, op.id, { hops, exposure: score, nodes: [...nodes, op.id], ...j });
    }
  };

  /** Crosses channel `c` from a path ending at `from` (a service, or the agent for a posting). */
  const cross = (
    c: RandomGraph['channels'][number],
    fromService: string | undefined,
    membership: Span,
    at: Span,
    hops: number,
    score: number,
    nodes: string[],
  ) => {
    const h = hops + 1;
    if (h > o.maxHops) return;
    if (
      o.disciplines.length > 0 &&
      c.disciplines.length > 0 &&
      !c.disciplines.some((d) => o.disciplines.includes(d))
    )
      return;
    const rule = o.respect && c.thirdPartyRule === true;
    if (rule && o.direction === 'INBOUND' && h > 1) return;
    const j = meet(at, membership, span(c.from, c.to));
    if (!j) return;
    const s = score * (c.sharing ? (SHARING[c.sharing] ?? 0.5) : 0.5);
    const atChannel = [...nodes, c.id];
    offer(channels, c.id, { hops: h, exposure: s, nodes: atChannel, ...j });
    exposeOps(c.id, 'channel', j, h, s, atChannel);
    for (const p of c.parties) {
      if (p.service === fromService) continue;
      const k = meet(j, span(p.from, p.to), serviceSpan.get(p.service) ?? span());
      if (!k) continue;
      const atService = [...atChannel, p.service];
      offer(services, p.service, { hops: h, exposure: s, nodes: atService, ...k });
      exposeOps(p.service, 'service', k, h, s, atService);
      if (!(rule && o.direction === 'OUTBOUND')) walk(p.service, k, h, s, atService);
    }
  };
  const walk = (service: string, at: Span, hops: number, score: number, nodes: string[]) => {
    for (const c of g.channels) {
      const membership = c.parties.find((p) => p.service === service);
      if (membership)
        cross(
          c,
          service,
          meet(span(membership.from, membership.to), serviceSpan.get(service) ?? span()) ?? {
            from: '9999-12-31',
            to: '0000-01-01',
          },
          at,
          hops,
          score,
          nodes,
        );
    }
  };

  const windows: Span[] = [];
  for (const p of g.penetrations) {
    if (o.minConfidence === 'CONFIRMED' && p.confidence !== 'CONFIRMED') continue;
    const w = o.during
      ? meet(span(p.from, p.to), span(o.during.from, o.during.to))
      : span(p.from, p.to);
    if (!w) continue;
    windows.push(w);
    const score = p.confidence === 'CONFIRMED' ? 1 : 0.5;
    for (const s of g.serves) {
      const i = meet(w, span(s.from, s.to), serviceSpan.get(s.service) ?? span());
      if (!i) continue;
      const nodes = ['agent', s.service];
      offer(services, s.service, { hops: 0, exposure: score, nodes, ...i });
      exposeOps(s.service, 'service', i, 0, score, nodes);
      walk(s.service, i, 0, score, nodes);
    }
    for (const op of g.operations) {
      if (!op.tookPart) continue;
      const i = meet(w, span(op.from, op.to));
      if (i) offer(operations, op.id, { hops: 0, exposure: score, nodes: ['agent', op.id], ...i });
    }
    for (const posting of g.postings) {
      const c = g.channels.find((x) => x.id === posting.channel);
      const i = meet(w, span(posting.from, posting.to));
      if (c && i) cross(c, undefined, span(posting.from, posting.to), i, 0, score, ['agent']);
    }
  }
  return { channels, services, operations, windows };
}
