import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ankang:is-public';

/** Marks a handler or controller that answers without an access token. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
