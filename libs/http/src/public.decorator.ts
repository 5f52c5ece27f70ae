import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Routes outside `/api/v1` that need no token: health, metrics, docs. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
