import { citedByDocuments, type Context, type Visibility } from '../context/index.js';
import { documentSourceIds, listOf, str } from '../cypher/index.js';

/** Which facts a query may use: all, or only those one of the dataset's documents cites. */
export type Evidence = 'ALL_SOURCES' | 'DOCUMENTS';

/**
 * The caller's view for a query's `evidence` argument: with DOCUMENTS, only elements citing
 * one of the dataset's documents are seen (crossed, counted, returned), so an answer rests on
 * the five documents alone and never on external references.
 */
export async function viewFor(ctx: Context, evidence: Evidence): Promise<Visibility> {
  if (evidence === 'ALL_SOURCES') return ctx.visibility;
  const [row] = await ctx.executor.read(documentSourceIds);
  const ids = listOf(row?.['ids']).map((id) => str(id, 'source id'));
  return citedByDocuments(ctx.visibility, ids);
}
