import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiCommandRoute, CommandResultDto, RequireRoles } from '@app/http';

export const APPLICATION_NOT_FOUND = 'unknown application, or one of another department';

/** A command on an existing application: POST /api/v1/applications/{id}/<path>, role window_staff, 200 `{id, version, position}`. */
export const LifecycleRoute = (path: string, summary: string, description?: string) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(200),
    RequireRoles('window_staff'),
    ApiOperation({
      summary,
      description: [description, 'Role window_staff of the matter’s department (or admin).'].filter(Boolean).join(' '),
    }),
    ApiOkResponse({ type: CommandResultDto, description: 'the events were appended; ETag: the new stream version' }),
    ApiCommandRoute({
      id: 'the application id',
      forbidden: 'not window staff (or admin), or a token without departmentId',
      notFound: APPLICATION_NOT_FOUND,
    }),
  );
