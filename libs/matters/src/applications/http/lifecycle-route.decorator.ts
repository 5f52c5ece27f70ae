import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { RequireRoles } from '@app/http';
import { ApiCommandConventions, ApiProblem } from '../../matters/http/api-responses';
import { ApplicationCommandResultDto } from './application-command-result.dto';

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
    ApiParam({ name: 'id', format: 'uuid', description: 'the application id' }),
    ApiOkResponse({ type: ApplicationCommandResultDto, description: 'the events were appended; ETag: the new stream version' }),
    ApiCommandConventions(),
    ApiProblem(403, 'not window staff (or admin), or a token without departmentId'),
    ApiProblem(404, 'unknown application, or one of another department'),
  );
