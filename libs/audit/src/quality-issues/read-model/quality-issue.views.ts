import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUALITY_ISSUE_CATEGORY_CODES } from '../../domain/categories';

/** OpenAPI shapes and the JSON the issue queries answer. */
export class CategoryLabelView {
  @ApiProperty({ example: '时限不一致' }) zh: string;
  @ApiProperty({ example: 'Time limits inconsistent with handling type' }) en: string;
}

export class IssueStepView {
  @ApiProperty({ enum: ['found', 'assigned', 'rectification-submitted', 'verified', 'verification-failed', 'reopened'] }) step: string;
  @ApiProperty({ description: 'status after the step' }) status: string;
  @ApiProperty({ description: 'business time, ISO 8601' }) at: string;
  @ApiProperty({ description: 'business date of `at` (BUSINESS_TZ)' }) date: string;
  @ApiProperty() actor: string;
  @ApiProperty({ nullable: true, type: String, description: 'description, note, comment or reason of the step' }) text: string | null;
  @ApiProperty({ description: 'deadline after the step' }) deadline: string;
  @ApiProperty() version: number;
  @ApiProperty() position: number;
}

export class IssueView {
  @ApiProperty({ example: '6d1f0a4e-2b7c-4e55-9a3e-0c2f8d7b1a90' }) id: string;
  @ApiProperty() matterId: string;
  @ApiProperty() departmentId: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: QUALITY_ISSUE_CATEGORY_CODES }) category: string;
  @ApiProperty({ type: CategoryLabelView }) categoryLabel: CategoryLabelView;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String, description: 'automated rule that logged it; null for manual findings' }) rule:
    string | null;
  @ApiProperty({ enum: ['found', 'assigned', 'rectified', 'closed'] }) status: string;
  @ApiProperty({ description: 'rectification deadline YYYY-MM-DD' }) deadline: string;
  @ApiProperty({ description: 'open and today (BUSINESS_TZ) is after the deadline' }) overdue: boolean;
  @ApiProperty() foundAt: string;
  @ApiProperty() foundOn: string;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty() inspector: string;
  @ApiProperty({ nullable: true, type: String }) lastNote: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it came back: failed verification comment or reopen reason' })
  returnedWith: string | null;
  @ApiProperty() version: number;
  @ApiProperty() position: number;
}

export class IssueDetailView extends IssueView {
  @ApiProperty({ type: [IssueStepView], description: 'every loop step, oldest first' }) history: IssueStepView[];
}

export class IssuePageView {
  @ApiProperty({ type: [IssueView] }) items: IssueView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class LedgerCountsView {
  @ApiProperty({ description: 'issues found on or before asOf' }) found: number;
  @ApiProperty({ description: 'of those, closed (销号) as of asOf' }) closed: number;
  @ApiProperty() open: number;
  @ApiProperty({ description: 'open on asOf and past their deadline' }) overdue: number;
}

export class LedgerDepartmentView extends LedgerCountsView {
  @ApiProperty() departmentId: string;
}

export class LedgerRegionView extends LedgerCountsView {
  @ApiProperty() regionCode: string;
}

export class LedgerItemView {
  @ApiProperty() id: string;
  @ApiProperty() matterId: string;
  @ApiProperty() departmentId: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'status as of asOf' }) status: string;
  @ApiProperty({ description: 'deadline as of asOf' }) deadline: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() foundOn: string;
}

export class LedgerView extends LedgerCountsView {
  @ApiProperty({ description: 'the date the ledger is answered for (YYYY-MM-DD, BUSINESS_TZ)' }) asOf: string;
  @ApiProperty({ description: 'the filters applied (the caller’s department where it has one)' }) scope: {
    departmentId?: string;
    regionCode?: string;
  };
  @ApiProperty({ type: [LedgerDepartmentView] }) byDepartment: LedgerDepartmentView[];
  @ApiProperty({ type: [LedgerRegionView] }) byRegion: LedgerRegionView[];
  @ApiPropertyOptional({ type: [LedgerItemView], description: 'with `items=true`: the page of issues (page, pageSize) as of asOf' })
  items?: LedgerItemView[];
  @ApiPropertyOptional({ description: 'with `items=true`: number of issues found as of asOf' }) itemsTotal?: number;
}
