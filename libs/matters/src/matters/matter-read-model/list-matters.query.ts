import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor, Page } from '@app/http';
import { departmentFilter } from '../read-scope';
import { MatterEntity } from './matter.entity';
import type { ListMattersQueryDto } from './list-matters.query-dto';
import type { MatterSummaryDto } from './matter-view.dtos';
import { toMatterSummary } from './to-matter-view';

export class ListMattersQuery extends Query<Page<MatterSummaryDto>> {
  constructor(
    readonly filter: ListMattersQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** A page of matters ordered by code, filtered by department, region, status and a text in code or name. */
@QueryHandler(ListMattersQuery)
export class ListMattersHandler implements IQueryHandler<ListMattersQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filter, actor }: ListMattersQuery): Promise<Page<MatterSummaryDto>> {
    const departmentId = departmentFilter(actor, filter.departmentId);
    const query = this.dataSource.getRepository(MatterEntity).createQueryBuilder('m');
    if (departmentId !== undefined) query.andWhere('m.departmentId = :departmentId', { departmentId });
    if (filter.regionCode !== undefined) query.andWhere('m.regionCode = :regionCode', { regionCode: filter.regionCode });
    if (filter.status !== undefined) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.q !== undefined) query.andWhere(`(m.code ILIKE :q OR m.name ILIKE :q)`, { q: `%${escapeLike(filter.q)}%` });
    const [rows, total] = await query
      .orderBy('m.code', 'ASC')
      .addOrderBy('m.matterId', 'ASC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getManyAndCount();
    return { items: rows.map(toMatterSummary), page: filter.page, pageSize: filter.pageSize, total };
  }
}
