import type { Projection, SqlExecutor } from '@app/event-store';
import { assertNever } from '@app/kernel';
import { RED_CARD_EVENT_TYPES, type RedCardEvent } from '../../domain';
import { bareRedCardId } from '../../shared/supervision-streams';
import { RED_CARDS_TABLE } from '../../shared/supervision-tables';

export const RED_CARDS_PROJECTION = 'supervision-red-cards';

export interface RedCardRow {
  card_id: string;
  application_id: string;
  department_id: string;
  region_code: string;
  issued_on: string;
  deadline: string;
  status: 'issued' | 'explained' | 'closed';
  explanation: { text: string; at: string } | null;
  reviews: { accepted: boolean; comment?: string; at: string }[];
  version: number;
  position: number;
}

export const RED_CARD_COLUMNS = `card_id, application_id, department_id, region_code, issued_on::text AS issued_on, deadline::text AS deadline,
  status, explanation, reviews, version, position::text AS position`;

/**
 * One row per red card. Per batch: load the touched cards, fold in memory, one upsert. Events at
 * or below a card's stored version are skipped, so a replayed batch changes nothing.
 */
export const redCardsProjection: Projection<RedCardEvent> = {
  name: RED_CARDS_PROJECTION,
  version: 1,
  handles: RED_CARD_EVENT_TYPES,
  async reset(tx) {
    await tx.query(`TRUNCATE ${RED_CARDS_TABLE}`);
  },
  async apply(events, tx) {
    const rows = await loadCards(tx, [...new Set(events.map((event) => bareRedCardId(event.streamId)))]);
    const changed = new Set<string>();
    for (const recorded of events) {
      const cardId = bareRedCardId(recorded.streamId);
      const current = rows.get(cardId);
      if (current && recorded.version <= current.version) continue;
      const next = applyCardEvent(current, recorded);
      if (!next) continue;
      rows.set(cardId, { ...next, version: recorded.version, position: recorded.position });
      changed.add(cardId);
    }
    const changedRows = [...changed].map((id) => rows.get(id)!);
    if (changedRows.length === 0) return;
    await tx.query(
      `INSERT INTO ${RED_CARDS_TABLE} (card_id, application_id, department_id, region_code, issued_on, deadline, status, explanation, reviews, version, position)
       SELECT card_id, application_id, department_id, region_code, issued_on, deadline, status, explanation, reviews, version, position
         FROM jsonb_populate_recordset(NULL::${RED_CARDS_TABLE}, $1::jsonb)
       ON CONFLICT (card_id) DO UPDATE SET status = excluded.status, explanation = excluded.explanation,
         reviews = excluded.reviews, version = excluded.version, position = excluded.position`,
      [JSON.stringify(changedRows)],
    );
  },
};

function applyCardEvent(row: RedCardRow | undefined, event: RedCardEvent): Omit<RedCardRow, 'version' | 'position'> | null {
  switch (event.type) {
    case 'red-card.issued': {
      if (row) return null;
      const { cardId, applicationId, departmentId, regionCode, issuedOn, deadline } = event.data;
      return {
        card_id: cardId,
        application_id: applicationId,
        department_id: departmentId,
        region_code: regionCode,
        issued_on: issuedOn,
        deadline,
        status: 'issued',
        explanation: null,
        reviews: [],
      };
    }
    case 'red-card.explained':
      if (!row) return null;
      return { ...row, status: 'explained', explanation: { text: event.data.text, at: event.data.at } };
    case 'red-card.reviewed': {
      if (!row) return null;
      const { accepted, comment, at } = event.data;
      const reviews = [...row.reviews, { accepted, ...(comment !== undefined ? { comment } : {}), at }];
      return accepted ? { ...row, status: 'closed', reviews } : { ...row, status: 'issued', explanation: null, reviews };
    }
    default:
      return assertNever(event, 'red-card event');
  }
}

async function loadCards(tx: SqlExecutor, ids: string[]): Promise<Map<string, RedCardRow>> {
  const found = await tx.query<RedCardRow>(
    `SELECT ${RED_CARD_COLUMNS} FROM ${RED_CARDS_TABLE} WHERE card_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(found.map((row) => [row.card_id, { ...row, version: Number(row.version), position: Number(row.position) }]));
}
