// The officer's queue at scale: an office with 50,000 open requests (and closed ones beside
// them), the queue's own queries (listQueue, countQueue) under EXPLAIN ANALYZE — do they read an
// index, or scan the table? — and the first page timed against a primary-key lookup.
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/core/db/schema.ts';
import { endOfDhakaDay } from '../src/requests/dhaka-clock.ts';
import { countQueue, listQueue, QUEUE_COUNT_CAP, QUEUE_VIEWS, type QueueView } from '../src/requests/repository.ts';
import { timePerOp } from './time-per-op.ts';

const QUEUE_TIMING_MS = 1000;
const QUEUE_WARM_UPS = 10;

const OPEN = 50_000;
const CLOSED = 20_000;
const PAGE = 50;
// a year no real request has, so the made-up numbers cannot meet the office's own sequence
const YEAR = 2031;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const describeNode = (node: PlanNode) =>
  `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} (${(node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1)} rows)`;

async function fillOffice(db: Kysely<DB>, officeId: number): Promise<void> {
  const service = await db
    .selectFrom('service_requests')
    .select(['service_code', 'charter_version_id', 'service_name_bn'])
    .where('office_id', '=', officeId)
    .executeTakeFirstOrThrow();
  const statuses = sql`(array['submitted', 'accepted', 'in_progress', 'returned'])[1 + n % 4]`;
  await sql`
    insert into service_requests (office_id, tracking_number, year, sequence_no, service_code, charter_version_id, service_name_bn,
                                  channel, received_at, citizen_name, citizen_mobile, status, due_at, has_time_limit, closed_at, on_time)
    select ${officeId}, 'QBN-' || ${YEAR} || '-' || lpad(n::text, 6, '0') || '-0', ${YEAR}, n, ${service.service_code}, ${service.charter_version_id},
           ${service.service_name_bn}, 'in_person', now() - n * interval '1 minute', 'নাগরিক ' || n, '017' || lpad(n::text, 8, '0'),
           case when n <= ${OPEN} then ${statuses} else 'delivered' end,
           case when n % 10 = 0 then null else now() + ((n % 60) - 15) * interval '1 day' end,
           n % 10 <> 0,
           case when n <= ${OPEN} then null else now() - (n - ${OPEN}) * interval '1 minute' end,
           case when n <= ${OPEN} or n % 10 = 0 then null else true end
    from generate_series(1, ${OPEN + CLOSED}) as n`.execute(db);
  await sql`analyze service_requests`.execute(db);
}

interface Explained {
  nodes: PlanNode[];
  /** Seq Scans of service_requests */
  scans: PlanNode[];
  indexes: string[];
}

/** Fills one office with OPEN open requests, explains and times its queue; prints what it finds. */
export async function runQueueAtScale(databaseUrl: string, officeId: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let captured: CompiledQuery[] = [];
  // the queue's own SQL, as the repository writes it, caught on its way to the server
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (event) => void captured.push(event.query) });
  /** Runs `work` and explains (analysed) each statement it sent. */
  const explain = async (work: () => Promise<unknown>): Promise<Explained[]> => {
    captured = [];
    await work();
    const statements = captured;
    const explained: Explained[] = [];
    for (const query of statements) {
      const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) ${query.sql}`, [...query.parameters]);
      const plan = rows[0]?.['QUERY PLAN'][0].Plan;
      if (!plan) throw new Error('EXPLAIN gave no plan');
      const nodes = nodesOf(plan);
      const scans = nodes.filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'service_requests');
      explained.push({ nodes, scans, indexes: [...new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])))] });
    }
    return explained;
  };
  try {
    const started = performance.now();
    await fillOffice(db, officeId);
    console.log(`\nQueue at scale: ${OPEN.toLocaleString('en')} open and ${CLOSED.toLocaleString('en')} closed requests in one office (inserted and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    const now = new Date();
    const endOfToday = endOfDhakaDay(now);
    const { id: someId } = await db.selectFrom('service_requests').select('id').where('office_id', '=', officeId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const primaryKey = await timePerOp(() => db.selectFrom('service_requests').selectAll().where('id', '=', someId).executeTakeFirstOrThrow(), QUEUE_TIMING_MS, QUEUE_WARM_UPS);
    console.log(`${'baseline: one request by primary key'.padEnd(44)} ${primaryKey.toFixed(3)} ms`);
    const verdict = ({ scans, indexes }: Explained) => (scans.length ? 'SCANS service_requests (Seq Scan)' : indexes.length ? `index: ${indexes.join(', ')}` : 'no index named');
    const page = (view: QueueView) => () => listQueue(db, { officeId, view, userId: null, now, endOfToday, limit: PAGE, offset: 0 });
    for (const view of QUEUE_VIEWS) {
      const [plan] = await explain(page(view));
      if (!plan) throw new Error(`listQueue '${view}' sent no query`);
      const ms = await timePerOp(page(view), view === 'open' ? QUEUE_TIMING_MS : 300, QUEUE_WARM_UPS);
      console.log(`${`listQueue '${view}', first ${PAGE}`.padEnd(44)} ${(ms / primaryKey).toFixed(1).padStart(6)} × primary key (${ms.toFixed(3)} ms); ${verdict(plan)}`);
      if (view === 'open') for (const node of plan.nodes) console.log(`    ${describeNode(node)}`);
    }
    const counting = () => countQueue(db, officeId, now, endOfToday, null);
    const ms = await timePerOp(counting, QUEUE_TIMING_MS, QUEUE_WARM_UPS);
    console.log(`${'countQueue (all tabs)'.padEnd(44)} ${(ms / primaryKey).toFixed(1).padStart(6)} × primary key (${ms.toFixed(3)} ms)`);
    const [plan] = await explain(counting);
    if (!plan) throw new Error('countQueue sent no query');
    // each tab counts at most QUEUE_COUNT_CAP + 1 rows: a Seq Scan here stops after that many, bounded like the index scans
    const read = plan.nodes.filter((node) => node['Relation Name'] === 'service_requests').map(describeNode).join('; ');
    const finding = plan.scans.length ? `Seq Scan stopped at the cap (${QUEUE_COUNT_CAP + 1} rows a tab) where this office is most of the table` : `no Seq Scan, ${verdict(plan)}`;
    console.log(`    countQueue, every tab in one statement: ${finding}; reads ${read}`);
  } finally {
    await db.destroy();
  }
}
