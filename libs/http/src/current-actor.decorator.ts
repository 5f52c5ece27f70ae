import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from './roles';

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
