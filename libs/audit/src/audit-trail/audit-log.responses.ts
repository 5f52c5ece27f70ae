import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the audit-log responses. */
export class AuditLogEntryView {
  @ApiProperty({ description: '1, 2, 3, … without gaps' }) seq: number;
  @ApiProperty({ description: 'business time of the command (or time of the read), ISO 8601 as recorded' }) at: string;
  @ApiProperty({ description: 'user id' }) actor: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({
    description:
      'the command: `{name, correlationId, fromVersion, toVersion, recordedAt}`, or `{name: "read", what}` for a read of personal data',
    type: 'object',
    additionalProperties: true,
  })
  command: unknown;
  @ApiProperty({ nullable: true, type: String }) streamId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'global position of the last event the command wrote; null for reads' })
  position: number | null;
  @ApiProperty({ description: 'hash of the previous entry (64 zeros for the first)' }) prevHash: string;
  @ApiProperty({ description: 'sha256(prevHash + canonical JSON of the seven fields), hex' }) hash: string;
}

export class AuditLogPageView {
  @ApiProperty({ type: [AuditLogEntryView] }) items: AuditLogEntryView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class AuditVerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'entries verified' }) entries: number;
  @ApiProperty({ description: 'hash of the last entry that verified: anchor it outside the database' }) head: string;
  @ApiProperty({ description: 'seq of that entry' }) headSeq: number;
  @ApiPropertyOptional({ description: 'the first entry that is changed, missing or out of order' }) firstBadSeq?: number;
  @ApiPropertyOptional({ enum: ['missing_entry', 'out_of_order', 'broken_link', 'hash_mismatch'] }) reason?: string;
  @ApiPropertyOptional({
    type: AuditLogEntryView,
    description: 'the entry found where the chain broke, as stored (for a missing entry: the one after the gap)',
  })
  firstBadEntry?: AuditLogEntryView;
}
