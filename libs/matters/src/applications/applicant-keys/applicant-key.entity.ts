import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A row of `applicant_keys` (see `ApplicantKeys1764300000000`); written through `ApplicantKeyStore`. */
@Entity('applicant_keys')
export class ApplicantKeyRow {
  @PrimaryColumn({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ type: 'bytea' })
  key: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
