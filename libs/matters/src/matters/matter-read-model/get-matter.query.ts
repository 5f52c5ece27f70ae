import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/http';
import { readScope } from '../read-scope';
import { MatterEntity } from './matter.entity';
import type { MatterDetailDto } from './matter-view.dtos';
import { toMatterDetail } from './to-matter-view';

export class GetMatterQuery extends Query<MatterDetailDto> {
  constructor(
    readonly matterId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** One matter from the read model; another department's matter is not found for a scoped caller. */
@QueryHandler(GetMatterQuery)
export class GetMatterHandler implements IQueryHandler<GetMatterQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ matterId, actor }: GetMatterQuery): Promise<MatterDetailDto> {
    const row = await this.dataSource.getRepository(MatterEntity).findOneBy({ matterId });
    const scope = readScope(actor);
    if (!row || (scope !== undefined && row.departmentId !== scope)) throw new NotFoundException(`no matter ${matterId}`);
    return toMatterDetail(row);
  }
}
