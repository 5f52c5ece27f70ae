import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants' personal-data keys, OUTSIDE the event stream: one AES-256 key per applicant
 * (`ApplicantCipher`). Deleting a row erases that applicant's name and id number from every event
 * and read model that carries the sealed blob (crypto-shredding).
 */
export class ApplicantKeys1764300000000 implements MigrationInterface {
  name = 'ApplicantKeys1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS applicant_keys (
        key_id text PRIMARY KEY,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS applicant_keys');
  }
}
