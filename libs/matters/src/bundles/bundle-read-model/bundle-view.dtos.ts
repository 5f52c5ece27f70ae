import { ApiProperty } from '@nestjs/swagger';

export class BundleMemberDto {
  @ApiProperty({ format: 'uuid' })
  matterId: string;

  @ApiProperty({ description: 'the matter’s department (as of the bundle version)' })
  departmentId: string;

  @ApiProperty({ description: 'the matter’s name (as of the bundle version)' })
  name: string;
}

export class BundleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'YJS-KBQY' })
  code: string;

  @ApiProperty({ example: '开办企业一件事' })
  name: string;

  @ApiProperty({ description: 'the current version (1 as defined, n+1 after each revision); also the ETag: send it as If-Match' })
  version: number;

  @ApiProperty({ type: [BundleMemberDto] })
  members: BundleMemberDto[];
}

export class BundlePageDto {
  @ApiProperty({ type: [BundleDto] })
  items: BundleDto[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}
