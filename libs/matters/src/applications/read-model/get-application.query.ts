import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/http';
import { confinedTo } from '../application-scope';
import { businessCalendar, businessToday } from '@app/kernel';
import { ApplicantKeyRow } from '../applicant-keys/applicant-key.entity';
import { ApplicationRow } from './application-row.entity';
import type { ApplicationView } from './application.view';
import { toApplicationView } from './to-application-view';

/** One application from the read model; another department's is answered as unknown (404). */
export class GetApplication extends Query<ApplicationView> {
  constructor(
    readonly applicationId: string,
    readonly actor: Actor,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetApplication)
export class GetApplicationHandler implements IQueryHandler<GetApplication> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ applicationId, actor, asOf }: GetApplication): Promise<ApplicationView> {
    const row = await this.dataSource.getRepository(ApplicationRow).findOneBy({ applicationId });
    const confined = confinedTo(actor);
    if (!row || (confined !== null && row.departmentId !== confined)) throw new NotFoundException('application not found');
    const keyPresent = await this.dataSource.getRepository(ApplicantKeyRow).existsBy({ keyId: row.keyId });
    const calendar = businessCalendar();
    return toApplicationView(row, keyPresent, asOf ?? businessToday(), calendar);
  }
}
