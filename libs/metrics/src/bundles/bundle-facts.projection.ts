import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import type { BundleApplicationSubmitted } from '@app/matters';
import { bulkUpsert } from '../shared/bulk-upsert';

const COLUMNS = { application_id: 'text', bundle_application_id: 'text', department_id: 'text', region_code: 'text', submitted_on: 'date' };

/**
 * The bundle applications behind the operational figure `bundleApplications`. Only the bundle's
 * own event is read: the member applications are ordinary applications, counted by the
 * application facts like every other (nothing here adds to or takes from an indicator).
 */
export class BundleFactsProjection implements Projection<BundleApplicationSubmitted> {
  readonly name = 'assessment-bundles';
  readonly version = 1;
  readonly handles = ['bundle-application.submitted'] as const;

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_assessment_bundle_members_v1');
  }

  async apply(events: ProjectedEvent<BundleApplicationSubmitted>[], tx: SqlExecutor): Promise<void> {
    const calendar = businessCalendar();
    const rows = events.flatMap(({ data }) =>
      data.members.map((member) => ({
        application_id: member.applicationId,
        bundle_application_id: data.bundleApplicationId,
        department_id: member.departmentId,
        region_code: member.regionCode,
        submitted_on: calendar.businessDate(data.at),
      })),
    );
    await bulkUpsert(
      tx,
      { table: 'rm_assessment_bundle_members_v1', columns: COLUMNS, key: ['application_id'], onConflict: 'nothing' },
      rows,
    );
  }
}
