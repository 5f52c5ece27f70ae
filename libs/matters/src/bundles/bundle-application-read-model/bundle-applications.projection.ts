import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import type { BundleApplicationSubmitted } from '../../domain';

export const BUNDLE_APPLICATIONS_TABLE = 'rm_bundle_applications_v1';
export const BUNDLE_MEMBERS_TABLE = 'rm_bundle_application_members_v1';
export const BUNDLE_APPLICATIONS_PROJECTION = 'bundle-applications';

/**
 * Which applications make up which bundle application, from `bundle-application.submitted`
 * (written once; a replay inserts nothing twice). The members' lifecycle is not copied here: the
 * queries join the `applications` read model, the one fold of the application events.
 */
export const bundleApplicationsProjection: Projection<BundleApplicationSubmitted> = {
  name: BUNDLE_APPLICATIONS_PROJECTION,
  version: 1,
  handles: ['bundle-application.submitted'],

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`TRUNCATE ${BUNDLE_APPLICATIONS_TABLE}, ${BUNDLE_MEMBERS_TABLE}`);
  },

  async apply(events: ProjectedEvent<BundleApplicationSubmitted>[], tx: SqlExecutor): Promise<void> {
    if (events.length === 0) return;
    const heads = events.map(({ data, position }) => ({
      id: data.bundleApplicationId,
      bundle: data.bundleId,
      version: data.bundleVersion,
      channel: data.channel,
      at: data.at,
      position,
    }));
    await tx.query(
      `INSERT INTO ${BUNDLE_APPLICATIONS_TABLE} (bundle_application_id, bundle_id, bundle_version, channel, submitted_at, position)
       SELECT id, bundle, version, channel, at, position
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, bundle text, version int, channel text, at text, position bigint)
       ON CONFLICT (bundle_application_id) DO NOTHING`,
      [JSON.stringify(heads)],
    );
    const members = events.flatMap(({ data }) =>
      data.members.map((m, ordinal) => ({
        id: m.applicationId,
        owner: data.bundleApplicationId,
        ordinal,
        matter: m.matterId,
        department: m.departmentId,
      })),
    );
    await tx.query(
      `INSERT INTO ${BUNDLE_MEMBERS_TABLE} (application_id, bundle_application_id, ordinal, matter_id, department_id)
       SELECT id, owner, ordinal, matter, department
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, owner text, ordinal int, matter text, department text)
       ON CONFLICT (application_id) DO NOTHING`,
      [JSON.stringify(members)],
    );
  },
};
