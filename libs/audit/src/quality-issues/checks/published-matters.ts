import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATALOGUE_TABLE } from '../read-model/quality-issues.schema';

/** Ids of the matters the catalogue projection last saw published (each is re-checked from its stream). */
@Injectable()
export class PublishedMatters {
  constructor(private readonly dataSource: DataSource) {}

  async ids(): Promise<string[]> {
    const rows: { matter_id: string }[] = await this.dataSource.query(
      `SELECT matter_id FROM ${CATALOGUE_TABLE} WHERE status = 'published' ORDER BY matter_id`,
    );
    return rows.map((row) => row.matter_id);
  }
}
