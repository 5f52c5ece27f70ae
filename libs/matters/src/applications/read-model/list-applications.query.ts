import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import type { Actor, Page } from '@app/http';
import { assertDepartment, confinedTo } from '../application-scope';
import { businessCalendar, businessToday } from '@app/kernel';
import { ApplicantKeyRow } from '../applicant-keys/applicant-key.entity';
import { handlingClock } from '../../domain';
import { ApplicationRow } from './application-row.entity';
import type { ListApplicationsQueryDto } from './application-queries.dto';
import type { ApplicationView } from './application.view';
import { toApplicationView } from './to-application-view';

export type ApplicationFilters = Pick<ListApplicationsQueryDto, 'departmentId' | 'status' | 'overdue' | 'page' | 'pageSize'>;

/** A page of applications, newest first, scoped to the caller's department; overdue as of today. */
export class ListApplications extends Query<Page<ApplicationView>> {
  constructor(
    readonly filters: ApplicationFilters,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** May be overdue: completed late, or open with the deadline of its closed pauses already past. */
const MAYBE_OVERDUE = '(a.completedLate OR (a.completedOn IS NULL AND COALESCE(a.deadline < :today, false)))';

@QueryHandler(ListApplications)
export class ListApplicationsHandler implements IQueryHandler<ListApplications> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filters, actor }: ListApplications): Promise<Page<ApplicationView>> {
    if (filters.departmentId !== undefined) assertDepartment(actor, filters.departmentId);
    const departmentId = filters.departmentId ?? confinedTo(actor) ?? undefined;
    const calendar = businessCalendar();
    const today = businessToday();
    const query = this.rows(departmentId, filters.status);
    if (filters.overdue !== undefined) {
      // an open pause moves the deadline later: those candidates are decided by handlingClock
      const paused = await this.rows(departmentId, filters.status)
        .andWhere(`${MAYBE_OVERDUE} AND a.completedOn IS NULL AND a.openPauses > 0`, { today })
        .getMany();
      const notOverdue = paused.filter((row) => !handlingClock(row.state, today, calendar).overdue).map((row) => row.applicationId);
      const exempt = notOverdue.length > 0 ? 'a.applicationId IN (:...notOverdue)' : 'false';
      query.andWhere(
        filters.overdue
          ? new Brackets((where) => where.where(MAYBE_OVERDUE, { today }).andWhere(`NOT ${exempt}`, { notOverdue }))
          : new Brackets((where) => where.where(`NOT ${MAYBE_OVERDUE}`, { today }).orWhere(exempt, { notOverdue })),
      );
    }
    const [rows, total] = await query
      .orderBy('a.submittedAt', 'DESC')
      .addOrderBy('a.applicationId', 'ASC')
      .skip((filters.page - 1) * filters.pageSize)
      .take(filters.pageSize)
      .getManyAndCount();
    const keys = rows.length
      ? await this.dataSource
          .getRepository(ApplicantKeyRow)
          .find({ select: { keyId: true }, where: { keyId: In(rows.map((r) => r.keyId)) } })
      : [];
    const present = new Set(keys.map((key) => key.keyId));
    const items = rows.map((row) => toApplicationView(row, present.has(row.keyId), today, calendar));
    return { items, page: filters.page, pageSize: filters.pageSize, total };
  }

  private rows(departmentId: string | undefined, status: string | undefined): SelectQueryBuilder<ApplicationRow> {
    const query = this.dataSource.getRepository(ApplicationRow).createQueryBuilder('a').where('true');
    if (departmentId !== undefined) query.andWhere('a.departmentId = :departmentId', { departmentId });
    if (status !== undefined) query.andWhere('a.status = :status', { status });
    return query;
  }
}
