import { firstDay, lastDay } from '../../src/model/index.js';
import type { Dated, RandomGraph } from './randomGraph.js';

/**
 * docs/path-semantics.md read literally: enumerate every path from the agent with at most
 * `maxHops` channels, no pruning, under one reading of time (CERTAIN: inner spans; POSSIBLE:
 * outer spans), then per element take the union of the paths' windows and, inside each merged
 * window and overall, the best path: fewest hops, best score, fewest nodes, smaller node ids,
 * earlier and longer window. Independent of src/paths and of src/model/timeSpans (only the
 * days an EDTF date denotes are taken from src/model).
 */
export interface Answer {
  readonly hops: number;
  readonly exposure: number;
  readonly nodes: readonly string[];
  readonly from: string;
  readonly to: string;
}

/** An element's answer: the best path overall and every window with its best path. */
export interface Element extends Answer {
  readonly windows: readonly Answer[];
}

export interface BruteOptions {
  readonly direction: 'INBOUND' | 'OUTBOUND';
  readonly maxHops: number;
  readonly respect: boolean;
  readonly disciplines: readonly string[];
  readonly minConfidence: 'CONFIRMED' | 'SUSPECTED';
  readonly during?: { from?: string; to?: string };
  readonly reading: 'CERTAIN' | 'POSSIBLE';
  readonly structure: boolean;
}

type Span = { from: string; to: string };
const ALL: Span = { from: '0000-01-01', to: '9999-12-31' };
const NONE: Span = { from: '9999-12-31', to: '0000-01-01' };
const meet = (...spans: Span[]): Span | undefined => {
  const from = spans.map((s) => s.from).reduce((a, b) => (a > b ? a : b));
  const to = spans.map((s) => s.to).reduce((a, b) => (a < b ? a : b));
  return from <= to ? { from, to } : undefined;
};
const qualified = (d: string) => /[~?%]$/.test(d);

/** Outer span: from the first day the start can be to the last day the end can be. */
const outer = (d: Dated): Span => ({
  from: d.from ? firstDay(d.from) : ALL.from,
  to: d.to ? lastDay(d.to) : ALL.to,
});

/**
 * Inner span, per "Time" in docs/path-semantics.md: certain from the last day the start can be
 * (or, for a fact, from what a source attests; for an existence, unbounded) to the first day
 * the end can be (open: unbounded), widened by the attested days, inside the outer span. An
 * undated link holds as long as its ends.
 */
function inner(d: Dated, kind: 'existence' | 'fact' | 'link'): Span {
  if (kind === 'link' && !d.from && !d.to && !d.attested) return ALL;
  let seen: Span | undefined;
  if (d.attested) {
    const [a = '', b = a] = d.attested.split('/');
    seen = {
      from: qualified(a) ? lastDay(a) : firstDay(a),
      to: qualified(b) ? firstDay(b) : lastDay(b),
    };
    if (seen.from > seen.to) seen = undefined;
  }
  const starts = [
    ...(d.from ? [lastDay(d.from)] : kind === 'existence' ? [ALL.from] : []),
    ...(seen ? [seen.from] : []),
  ];
  if (starts.length === 0) return NONE;
  const ends = [d.to ? firstDay(d.to) : ALL.to, ...(seen ? [seen.to] : [])];
  const span = {
    from: starts.reduce((a, b) => (a < b ? a : b)),
    to: ends.reduce((a, b) => (a > b ? a : b)),
  };
  return meet(span, outer(d)) ?? NONE;
}

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

const dayAfter = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Every path's answers for an element, to the element's windows (merged, touching days join). */
function summarize(answers: readonly Answer[]): Element {
  const sorted = [...answers].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const windows: Span[] = [];
  for (const a of sorted) {
    const last = windows.at(-1);
    if (last && (last.to >= '9999-12-31' || a.from <= dayAfter(last.to)))
      last.to = a.to > last.to ? a.to : last.to;
    else windows.push({ from: a.from, to: a.to });
  }
  const bestOf = (list: readonly Answer[]) =>
    list.reduce((best, a) => (better(a, best) ? a : best));
  const best = bestOf(answers);
  return {
    ...best,
    windows: windows.map((w) => ({
      ...bestOf(answers.filter((a) => w.from <= a.from && a.to <= w.to)),
      from: w.from,
      to: w.to,
    })),
  };
}

export function bruteForceReach(g: RandomGraph, o: BruteOptions) {
  const spanOf = (d: Dated, kind: 'existence' | 'fact' | 'link'): Span =>
    o.reading === 'CERTAIN' ? inner(d, kind) : outer(d);
  const all = {
    channels: new Map<string, Answer[]>(),
    services: new Map<string, Answer[]>(),
    operations: new Map<string, Answer[]>(),
  };
  const offer = (into: Map<string, Answer[]>, id: string, answer: Answer) => {
    into.set(id, [...(into.get(id) ?? []), answer]);
  };
  /**
   * An operation is an event: certainly met when its certain days overlap, or, when it has none,
   * when the window contains every day it can have been on.
   */
  const meetOperation = (at: Span, op: Dated): Span | undefined => {
    const j = meet(at, spanOf(op, 'fact'));
    if (j || o.reading === 'POSSIBLE' || meet(inner(op, 'fact'), ALL)) return j;
    const whole = outer(op);
    return at.from <= whole.from && whole.to <= at.to ? whole : undefined;
  };
  const serviceSpan = new Map(g.services.map((s) => [s.id, spanOf(s, 'existence')]));
  const partyStart = (p: RandomGraph['channels'][number]['parties'][number]) =>
    meet(outer(p), outer(g.services.find((s) => s.id === p.service) ?? {}))?.from;
  /** A channel's span; possibly in force with an unknown start only once two parties can be. */
  const channelSpan = (c: RandomGraph['channels'][number]): Span => {
    const own = spanOf(c, 'fact');
    if (c.from !== undefined || c.parties.length === 0) return own;
    const starts = c.parties
      .map(partyStart)
      .filter((d): d is string => d !== undefined)
      .sort();
    const second = starts[1] ?? starts[0];
    const bound = second === undefined ? undefined : meet(outer(c), { from: second, to: ALL.to });
    return (bound && meet(own, bound)) ?? NONE;
  };

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
      const j = meetOperation(at, op);
      if (j)
        offer(all.operations, op.id, { hops, exposure: score, nodes: [...nodes, op.id], ...j });
    }
  };
  /** Reaches a service at `at`, then goes on from it (when it may). */
  const arrive = (
    service: string,
    at: Span,
    hops: number,
    score: number,
    nodes: string[],
    goesOn: boolean,
  ) => {
    offer(all.services, service, { hops, exposure: score, nodes, ...at });
    exposeOps(service, 'service', at, hops, score, nodes);
    if (goesOn) walk(service, at, hops, score, nodes);
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
    const j = meet(at, membership, channelSpan(c));
    if (!j) return;
    const s = score * (c.sharing ? (SHARING[c.sharing] ?? 0.5) : 0.5);
    const atChannel = [...nodes, c.id];
    offer(all.channels, c.id, { hops: h, exposure: s, nodes: atChannel, ...j });
    exposeOps(c.id, 'channel', j, h, s, atChannel);
    for (const p of c.parties) {
      if (p.service === fromService) continue;
      const k = meet(j, spanOf(p, 'link'), serviceSpan.get(p.service) ?? ALL);
      if (!k) continue;
      arrive(p.service, k, h, s, [...atChannel, p.service], !(rule && o.direction === 'OUTBOUND'));
    }
  };
  /** From a service a path may go on from: structure moves (same hop), then its channels. */
  const walk = (service: string, at: Span, hops: number, score: number, nodes: string[]) => {
    if (o.structure) {
      for (const l of g.structure) {
        const other =
          l.component === service ? l.whole : l.whole === service ? l.component : undefined;
        if (other === undefined || nodes.includes(other)) continue;
        const k = meet(at, spanOf(l, 'link'), serviceSpan.get(other) ?? ALL);
        if (k) arrive(other, k, hops, score, [...nodes, other], true);
      }
    }
    for (const c of g.channels) {
      const membership = c.parties.find((p) => p.service === service);
      if (membership)
        cross(
          c,
          service,
          meet(spanOf(membership, 'link'), serviceSpan.get(service) ?? ALL) ?? NONE,
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
    const own = spanOf(p, 'link');
    const w = o.during ? meet(own, outer(o.during)) : meet(own, ALL);
    if (!w) continue;
    windows.push(w);
    const score = p.confidence === 'CONFIRMED' ? 1 : 0.5;
    for (const s of g.serves) {
      const i = meet(w, spanOf(s, 'link'), serviceSpan.get(s.service) ?? ALL);
      if (i) arrive(s.service, i, 0, score, ['agent', s.service], true);
    }
    for (const op of g.operations) {
      if (!op.tookPart) continue;
      const i = meetOperation(w, op);
      if (i)
        offer(all.operations, op.id, {
          hops: 0,
          exposure: score,
          nodes: ['agent', op.id],
          ...i,
        });
    }
    for (const posting of g.postings) {
      const c = g.channels.find((x) => x.id === posting.channel);
      const span = spanOf(posting, 'link');
      const i = meet(w, span);
      if (c && i) cross(c, undefined, span, i, 0, score, ['agent']);
    }
  }
  const summarized = (m: Map<string, Answer[]>) =>
    new Map([...m].map(([id, answers]) => [id, summarize(answers)]));
  return {
    channels: summarized(all.channels),
    services: summarized(all.services),
    operations: summarized(all.operations),
    windows,
  };
}
